import type { Messages } from '@lingui/core';
import { messages as core } from '../locales/zh-CN/core.po';
import { messages as work } from '../locales/zh-CN/work.po';

/** Simplified Chinese: both catalogs, loaded as one chunk. */
export const messages: Messages = { ...core, ...work };
