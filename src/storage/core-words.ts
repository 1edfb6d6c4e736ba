/**
 * The words of the studio's layers below the kinds (the API, the jobs, storage), loaded as one
 * table with the feed's cards (`i18n/say.ts`); each kind's come through its registry entry.
 */
import { apiWords } from '../api/api-words';
import { jobWords } from '../jobs/job-words';
import { storageWords } from './storage-words';

/** Words of every code of the API, jobs and storage layers. */
export const words = { ...apiWords, ...jobWords, ...storageWords };
