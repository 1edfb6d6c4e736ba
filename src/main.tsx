import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { App } from './app/app';
import { createServices } from './app/services';
import { activateLocale, loadLaterMessages } from './i18n/activate';
import { initialLocale } from './i18n/locales';
import './app/styles.css';

// The page renders once its language's first messages are in: a first paint in the wrong
// language would flash English at a Chinese reader.
void activateLocale(initialLocale()).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App services={createServices()} />
      </I18nProvider>
    </StrictMode>,
  );
  // The rest of the language's messages once the page is idle (a lazy part asks sooner).
  whenIdle(() => void loadLaterMessages().catch(() => {}));
  // The picture service worker is not needed for the first paint either.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    whenIdle(() => void import('./sw/register-sw').then((m) => m.registerPictureWorker()));
  }
});

function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 0);
}
