/**
 * Why a copy could not be kept, as the `files.error` column holds it: a code and its data, never
 * a sentence (the card picks the words in the person's language). The English words here are
 * for the server's own answers and logs.
 */
import type { StoreFaultCode } from './file-store';

/** Every reason a copy may not be kept. */
export type FileErrorCode =
  | StoreFaultCode
  /** The picture's origin is not on the allow-list; `params.reason` says how. */
  | 'file_not_allowed'
  /** The picture's host could not be reached or answered no picture; `params.reason`. */
  | 'file_source_failed'
  /** The host sent something else than png, jpeg, webp, gif or mp4; `params.type`. */
  | 'file_wrong_type'
  /** Larger than the cap; `params.maxMb`. */
  | 'file_too_large'
  /** The connection broke before the whole file came. */
  | 'file_source_cut';

/** A `files.error` value. */
export interface FileError {
  code: FileErrorCode;
  params: Record<string, string | number>;
}

/** The English sentence for a file error. */
export function fileErrorWords(error: FileError): string {
  const p = error.params;
  const lead = 'Could not keep a copy:';
  switch (error.code) {
    case 'file_disk_full':
      return `${lead} the server's disk is full.`;
    case 'file_store_read_only':
      return `${lead} the server may not write to its files folder (${p.errno}).`;
    case 'file_bucket_refused':
      return `${lead} the bucket ${p.bucket} refused it (${p.bucketCode}).`;
    case 'file_bucket_unreachable':
      return `${lead} the bucket ${p.bucket} could not be reached.`;
    case 'file_store_failed':
      return `${lead} the server could not write it${p.errno ? ` (${p.errno})` : ''}.`;
    case 'file_not_allowed':
    case 'file_source_failed':
      // The reason is a sentence of its own.
      return `Could not keep a copy. ${p.reason}`;
    case 'file_wrong_type':
      return `${lead} it is not a picture or clip (the host sent ${p.type}).`;
    case 'file_too_large':
      return `${lead} it is larger than ${p.maxMb} MB.`;
    case 'file_source_cut':
      return `${lead} the picture's host broke off before the whole file came.`;
  }
}
