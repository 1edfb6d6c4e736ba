import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, patterned, streamOf } from './fixtures/streams';
import { S3RVER_KEY, startS3Server, type S3Server } from './fixtures/s3-server';
import { s3Store } from './s3-store';

const KEY = '2026-01/0b7e5c52-6c1e-4d1f-9a55-3f2a8f0c1d2e/clip-0.mp4';

describe('s3Store against a real S3 server (s3rver)', () => {
  let s3: S3Server;
  const sent: { method: string; headers: Headers }[] = [];
  const store = (bucket?: string) =>
    s3Store({
      endpoint: s3.endpoint,
      bucket: bucket ?? s3.bucket,
      region: 'eu-west-1',
      ...S3RVER_KEY,
      fetchImpl: async (input, init) => {
        const req = new Request(input, init);
        sent.push({ method: req.method, headers: req.headers });
        return fetch(req);
      },
    });
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('keeps a file streamed with its length, signed, and gives back its bytes and type', async () => {
    const bytes = patterned(300_000);
    sent.length = 0;
    await store().put(KEY, streamOf(bytes), { contentType: 'video/mp4', bytes: bytes.length });

    const put = sent[0]!;
    expect(put.method).toBe('PUT');
    expect(put.headers.get('content-length')).toBe('300000');
    expect(put.headers.get('x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD');
    expect(put.headers.get('authorization')).toMatch(
      /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/eu-west-1\/s3\/aws4_request, /,
    );
    expect(await store().head(KEY)).toEqual({ contentType: 'video/mp4', bytes: 300_000 });
    const read = await store().get(KEY);
    expect(read?.contentType).toBe('video/mp4');
    expect(await bytesOf(read!.body)).toEqual(bytes);
  });

  it('reads a byte range and knows the whole length', async () => {
    const bytes = patterned(5000);
    await store().put(KEY, streamOf(bytes), { contentType: 'video/mp4', bytes: bytes.length });
    const read = await store().get(KEY, { start: 4000, end: 4999 });
    expect(read?.bytes).toBe(5000);
    expect(await bytesOf(read!.body)).toEqual(bytes.slice(4000));
  });

  it('deletes a file, and a missing one is no error', async () => {
    await store().put(KEY, streamOf(patterned(10)), { contentType: 'video/mp4', bytes: 10 });
    await store().delete(KEY);
    expect(await store().get(KEY)).toBeNull();
    expect(await store().head(KEY)).toBeNull();
    await expect(store().delete(KEY)).resolves.toBeUndefined();
  });

  it("refuses a write to a missing bucket with the bucket's own code", async () => {
    const put = store('no-such-bucket').put(KEY, streamOf(patterned(10)), {
      contentType: 'video/mp4',
      bytes: 10,
    });
    await expect(put).rejects.toMatchObject({
      code: 'file_bucket_refused',
      params: { bucket: 'no-such-bucket', status: 404, bucketCode: 'NoSuchBucket' },
    });
  });

  it('says the bucket could not be reached when nothing answers', async () => {
    const gone = s3Store({
      endpoint: 'http://127.0.0.1:9',
      bucket: 'kept-files',
      region: 'eu-west-1',
      accessKeyId: 'studio',
      secretAccessKey: 'x',
    });
    await expect(gone.head(KEY)).rejects.toMatchObject({ code: 'file_bucket_unreachable' });
  });
});
