/**
 * Unit tests run in English unless they switch: the source text is kept in development builds,
 * so an English run needs no catalog. Tests of Chinese text call `activateLocale('zh-CN')`.
 */
import { i18n } from '@lingui/core';

i18n.loadAndActivate({ locale: 'en', messages: {} });

// The app loads the words of the studio's messages with the feed's cards; tests have them at once.
const { registerWords, loadWords } = await import('./say');
const { studioWords } = await import('../kinds/registry');
registerWords(...studioWords());
await loadWords();
