import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patterned, streamOf } from './fixtures/streams';
import { storeFromEnv } from './store-from-env';

const S3 = {
  S3_ENDPOINT: 'https://s3.eu-west-1.amazonaws.com',
  S3_BUCKET: 'studio-files',
  S3_REGION: 'eu-west-1',
  S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'secret',
};

describe('storeFromEnv', () => {
  it('keeps files in DATA_DIR/files when no S3 variable is set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'imagine-studio-data-'));
    try {
      const store = storeFromEnv({ DATA_DIR: dataDir });
      await store.put('2026-01/j/image.png', streamOf(patterned(3)), {
        contentType: 'image/png',
        bytes: 3,
      });
      expect(store.kind).toBe('folder');
      expect(existsSync(join(dataDir, 'files', '2026-01/j/image.png'))).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps files in the bucket when all five S3 variables are set', () => {
    expect(storeFromEnv(S3).kind).toBe('s3');
  });

  it('refuses a partial set, naming what is missing', () => {
    const { S3_REGION: _r, S3_SECRET_ACCESS_KEY: _s, ...partial } = S3;
    expect(() => storeFromEnv(partial)).toThrow(
      'Kept files go to an S3 bucket only when all of S3_ENDPOINT, S3_BUCKET, S3_REGION, ' +
        'S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are set; S3_REGION, S3_SECRET_ACCESS_KEY are ' +
        'missing. Set them, or unset the others to keep files in DATA_DIR/files.',
    );
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => storeFromEnv({ ...S3, S3_ENDPOINT: 's3.amazonaws.com' })).toThrow(
      'S3_ENDPOINT must be an http(s) URL',
    );
  });
});
