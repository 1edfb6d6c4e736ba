/** Which store keeps files, from the environment: a bucket when `S3_*` says so, else a folder. */
import { join } from 'node:path';
import type { FileStore } from './file-store';
import { folderStore } from './folder-store';
import { s3Store } from './s3-store';

/** Every variable a bucket needs; with none of them, files go to `DATA_DIR/files`. */
export const S3_VARIABLES = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
] as const;

/**
 * The store the environment names. Throws, naming what is missing, when only some `S3_*`
 * variables are set: files silently landing on the local disk would be found out too late.
 */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): FileStore {
  const value = (name: string) => env[name]?.trim() ?? '';
  const missing = S3_VARIABLES.filter((name) => !value(name));
  if (missing.length === S3_VARIABLES.length)
    return folderStore(join(value('DATA_DIR') || './data', 'files'));
  if (missing.length)
    throw new Error(
      `Kept files go to an S3 bucket only when all of ${S3_VARIABLES.join(', ')} are set; ` +
        `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Set ${
          missing.length === 1 ? 'it' : 'them'
        }, or unset the others to keep files in DATA_DIR/files.`,
    );
  let endpoint: URL;
  try {
    endpoint = new URL(value('S3_ENDPOINT'));
  } catch {
    endpoint = new URL('invalid:');
  }
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:')
    throw new Error(
      `S3_ENDPOINT must be an http(s) URL such as https://s3.eu-west-1.amazonaws.com, got "${value('S3_ENDPOINT')}"`,
    );
  return s3Store({
    endpoint: endpoint.href,
    bucket: value('S3_BUCKET'),
    region: value('S3_REGION'),
    accessKeyId: value('S3_ACCESS_KEY_ID'),
    secretAccessKey: value('S3_SECRET_ACCESS_KEY'),
  });
}
