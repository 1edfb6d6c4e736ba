/**
 * Unit tests run in English unless they switch: the source text is kept in development builds,
 * so an English run needs no catalog. Tests of Chinese text call `activateLocale('zh-CN')`.
 */
import { i18n } from '@lingui/core';

i18n.loadAndActivate({ locale: 'en', messages: {} });

// The app loads the jobs layer's sentence table with the feed's cards; tests have it at once.
await (await import('../jobs/job-text')).loadJobTextTable();
