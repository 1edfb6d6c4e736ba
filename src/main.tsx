import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { App } from './app/app';
import { createServices } from './app/services';
import { activateLocale } from './i18n/activate';
import { initialLocale } from './i18n/locales';
import { loadJobTextTable } from './jobs/job-text';
import './app/styles.css';

// The page renders once its language's catalogs are in: a first paint in the wrong language
// would flash English at a Chinese reader.
void Promise.all([activateLocale(initialLocale()), loadJobTextTable()]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App services={createServices()} />
      </I18nProvider>
    </StrictMode>,
  ),
);

// The picture service worker is not needed for the first paint: registered once the page is idle.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void import('./sw/register-sw').then((m) => m.registerPictureWorker());
  if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: 2000 });
  else setTimeout(register, 0);
}
