/**
 * The header that marks a request to the local engine's admin routes (`/__engine/*`). The engine
 * refuses admin requests without it: a callback the engine posts, a picture it fetches, a form
 * or a simple request from another web page never carries it, and a page of another origin
 * cannot add it without a preflight that admin never grants.
 */
export const ENGINE_ADMIN_HEADER = 'x-engine-admin';

/** The header as a request carries it. */
export const ENGINE_ADMIN_HEADERS: Readonly<Record<string, string>> = {
  [ENGINE_ADMIN_HEADER]: '1',
};
