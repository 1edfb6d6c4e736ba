/** The bearer-token check of the API paths. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { errorResponse } from './responses';

/** The token a request carries in `authorization: Bearer <token>` ('' when none). */
export function bearerOf(req: Request): string {
  const header = req.headers.get('authorization')?.trim() ?? '';
  return /^Bearer\s+(.+)$/.exec(header)?.[1]?.trim() ?? '';
}

/** Whether `given` is `required`, compared in constant time. */
export function tokenMatches(given: string, required: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return given !== '' && timingSafeEqual(digest(given), digest(required));
}

/**
 * The provider's answer to a missing or wrong token (null: let it through). Without a required
 * token any token is taken, but one must be sent, as the service demands.
 */
export function checkAuth(
  req: Request,
  requiredToken: string | undefined,
  trace: string,
): Response | null {
  const header = req.headers.get('authorization')?.trim();
  if (!header)
    return errorResponse(
      'no_token',
      'The token is not provided; send the header `authorization: Bearer <token>`.',
      trace,
      400,
    );
  if (requiredToken === undefined) return null;
  if (!tokenMatches(bearerOf(req), requiredToken))
    return errorResponse('invalid_token', 'The specified token is invalid or wrong.', trace, 401);
  return null;
}
