/**
 * Every schema the jobs layer reads with, in one chunk that loads with the first job work (a
 * repository read, a call, a retry) rather than with the page: the schemas bring zod/mini's core
 * (~10 KB gzipped) along. Reached only through `schemas.ts`.
 */
import { imagineRequestSchema, imagineResponseSchema } from '../api/contract';
import {
  describeRequestSchema,
  describeResponseSchema,
  editsRequestSchema,
  seedRequestSchema,
  seedResponseSchema,
  shortenRequestSchema,
  shortenResponseSchema,
  translateRequestSchema,
  translateResponseSchema,
} from '../api/contract-endpoints';
import { videosRequestSchema } from '../api/contract-videos';
// The stored-job schema is storage's; it rides in this chunk until issue 19 part B gives each kind
// its own contract loader and this set goes (storage then loads its schema itself).
// eslint-disable-next-line no-restricted-imports
import { storedJobSchema } from '../storage/repository/stored-job-schema';

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
