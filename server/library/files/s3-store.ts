/**
 * Kept files in an S3-compatible bucket, signed with SigV4 by aws4fetch. A PUT streams the body
 * unsigned (`UNSIGNED-PAYLOAD`) with its length, so a 300 MB clip is never held in memory; S3
 * makes an object visible only once its PUT completes, so a half-sent file is never served.
 */
import { AwsClient } from 'aws4fetch';
import {
  StoreFault,
  validKey,
  type ByteRange,
  type FileStore,
  type StoredFile,
  type StoredRead,
} from './file-store';

/** Where the bucket is and how to sign for it (`S3_*` variables). */
export interface S3Settings {
  /** `https://s3.example.com` (path-style requests: `<endpoint>/<bucket>/<key>`). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  fetchImpl?: typeof fetch;
}

/** A store in a bucket. */
export function s3Store(settings: S3Settings): FileStore {
  // No retries: a streamed body cannot be sent twice, and the keeper records a failure anyway.
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
    retries: 0,
  });
  const base = `${settings.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}/`;
  const urlOf = (key: string): string => {
    if (!validKey(key)) throw new StoreFault('file_store_failed', { key });
    return base + key.split('/').map(encodeURIComponent).join('/');
  };
  const send = async (key: string, init: RequestInit): Promise<Response> => {
    const signed = await client.sign(urlOf(key), init);
    try {
      return await (settings.fetchImpl ?? fetch)(signed);
    } catch (err) {
      throw new StoreFault('file_bucket_unreachable', { bucket: settings.bucket }, { cause: err });
    }
  };

  return {
    kind: 's3',
    async put(key, body, file) {
      const res = await send(key, {
        method: 'PUT',
        body,
        // Node's fetch sends a stream only half-duplex; the length is S3's, not chunked.
        duplex: 'half',
        headers: {
          'content-type': file.contentType,
          'content-length': String(file.bytes),
          'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        },
      } as RequestInit);
      if (!res.ok) throw await refusal(res, settings.bucket);
      await res.body?.cancel();
    },
    async get(key, range?: ByteRange): Promise<StoredRead | null> {
      const res = await send(key, {
        method: 'GET',
        headers: range ? { range: `bytes=${range.start}-${range.end}` } : {},
      });
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok || !res.body) throw await refusal(res, settings.bucket);
      return { ...describe(res), body: res.body };
    },
    async head(key): Promise<StoredFile | null> {
      const res = await send(key, { method: 'HEAD' });
      if (res.status === 404) return null;
      if (!res.ok) throw await refusal(res, settings.bucket);
      return describe(res);
    },
    async delete(key) {
      const res = await send(key, { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw await refusal(res, settings.bucket);
      await res.body?.cancel();
    },
  };
}

/** The whole object's type and length, from a full or a ranged answer. */
function describe(res: Response): StoredFile {
  const total = res.headers.get('content-range')?.split('/')[1];
  return {
    contentType: res.headers.get('content-type') ?? 'application/octet-stream',
    bytes: Number(total ?? res.headers.get('content-length') ?? 0),
  };
}

/** The bucket's refusal: its status and its own error code (`NoSuchBucket`, `AccessDenied`). */
async function refusal(res: Response, bucket: string): Promise<StoreFault> {
  const text = await res.text().catch(() => '');
  const bucketCode = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? `HTTP ${res.status}`;
  return new StoreFault('file_bucket_refused', { bucket, status: res.status, bucketCode });
}
