/**
 * The provider paths of the endpoints other than imagine. Apart from the client so the job kinds
 * can name them without pulling the client into the first page load.
 */
export const DESCRIBE_PATH = '/midjourney/describe';
export const SEED_PATH = '/midjourney/seed';
export const TRANSLATE_PATH = '/midjourney/translate';
export const SHORTEN_PATH = '/midjourney/shorten';
export const EDITS_PATH = '/midjourney/edits';
