import type { Messages } from '@lingui/core';

/**
 * English messages the first render does not show. Empty here, where `catalog-en.ts` holds them
 * all (development, tests); a build fills it with those it leaves out of `catalog-en.ts`
 * (scripts/catalog-split-plugin.ts).
 */
export const messages: Messages = {};
