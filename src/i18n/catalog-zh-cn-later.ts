import type { Messages } from '@lingui/core';

/**
 * Simplified Chinese messages the first render does not show. Empty here, where
 * `catalog-zh-cn.ts` holds them all (development, tests); a build fills it with those it leaves
 * out of `catalog-zh-cn.ts` (scripts/catalog-split-plugin.ts).
 */
export const messages: Messages = {};
