/**
 * The provider's endpoints the engine answers, one line each. Adding one is a folder
 * `server/endpoints/<name>/` (its route, handler and tests, and a `<name>-fuzz.ts` the fuzz test
 * walks) and one line here; the router mounts every entry at `POST /midjourney/<name>` behind the
 * token check. Admin (`/__engine/*`) and attachments are the engine's own, built into the router.
 */
import { describeEndpoint } from './describe/describe-route';
import { editsEndpoint } from './edits/edits-route';
import type { Endpoint } from './endpoint';
import { imagineEndpoint } from './imagine/imagine-route';
import { seedEndpoint } from './seed/seed-route';
import { shortenEndpoint } from './shorten/shorten-route';
import { tasksEndpoint } from './tasks/tasks-route';
import { translateEndpoint } from './translate/translate-route';
import { videosEndpoint } from './videos/videos-route';

/** Every endpoint, in the reference's order. */
export const ENDPOINTS: readonly Endpoint[] = [
  imagineEndpoint,
  tasksEndpoint,
  describeEndpoint,
  editsEndpoint,
  videosEndpoint,
  seedEndpoint,
  translateEndpoint,
  shortenEndpoint,
];
