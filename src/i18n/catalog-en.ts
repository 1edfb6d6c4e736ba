import type { Messages } from '@lingui/core';
import { messages as core } from '../locales/en/core.po';
import { messages as work } from '../locales/en/work.po';

/** English: both catalogs, loaded as one chunk. */
export const messages: Messages = { ...core, ...work };
