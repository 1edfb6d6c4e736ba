import { msg } from '@lingui/core/macro';

/** Said where a button's code could not be fetched, even after the loader's retries. */
export const UNLOADED = msg`Couldn't load this part of the studio: check the connection, then try again.`;
