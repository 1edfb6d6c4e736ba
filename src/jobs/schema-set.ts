/**
 * Every schema the jobs layer reads with, in one chunk that loads with the first job work (a
 * repository read, a call, a retry) rather than with the page: the schemas bring zod/mini's core
 * (~10 KB gzipped) along. Reached only through `schemas.ts`.
 */
import { imagineRequestSchema, imagineResponseSchema } from '../api/contract';
import { describeRequestSchema, describeResponseSchema } from '../kinds/describe/describe-contract';
import { editsRequestSchema } from '../kinds/edits/edits-contract';
import { seedRequestSchema, seedResponseSchema } from '../kinds/seed/seed-contract';
import { shortenRequestSchema, shortenResponseSchema } from '../kinds/shorten/shorten-contract';
import {
  translateRequestSchema,
  translateResponseSchema,
} from '../kinds/translate/translate-contract';
import { videosRequestSchema } from '../kinds/videos/videos-contract';
import { storedJobSchema } from './stored-job-schema';

/** The schemas, by what they read. */
export const jobSchemaSet = {
  storedJob: storedJobSchema,
  imagineRequest: imagineRequestSchema,
  imagineResponse: imagineResponseSchema,
  editsRequest: editsRequestSchema,
  describeRequest: describeRequestSchema,
  describeResponse: describeResponseSchema,
  seedRequest: seedRequestSchema,
  seedResponse: seedResponseSchema,
  shortenRequest: shortenRequestSchema,
  shortenResponse: shortenResponseSchema,
  translateRequest: translateRequestSchema,
  translateResponse: translateResponseSchema,
  videosRequest: videosRequestSchema,
};

/** The schema set's type. */
export type JobSchemaSet = typeof jobSchemaSet;
