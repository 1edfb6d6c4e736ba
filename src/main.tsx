import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { App } from './app/app';
import { createServices } from './app/services';
import { activateLocale, loadLaterMessages } from './i18n/activate';
import { initialLocale } from './i18n/locales';
import './app/styles.css';

const root = document.getElementById('root')!;

// The page renders once its language's first messages are in: a first paint in the wrong
// language would flash English at a Chinese reader.
async function start(): Promise<void> {
  try {
    await activateLocale(initialLocale());
  } catch {
    // Still missing after the loader's own retries: said (in both languages, since the words are
    // what did not come), and tried again when the network is back, or in a few seconds.
    root.textContent =
      "Couldn't load Imagine Studio. Retrying… · 无法加载 Imagine Studio，正在重试…";
    await new Promise((retry) => {
      window.addEventListener('online', retry, { once: true });
      setTimeout(retry, 5000);
    });
    return start();
  }
  root.textContent = '';
  createRoot(root).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App services={createServices()} />
      </I18nProvider>
    </StrictMode>,
  );
  // The rest of the language's messages once the page is idle (a lazy part asks sooner).
  whenIdle(() => void loadLaterMessages().catch(() => {}));
}

void start();

// The picture service worker is not needed for the first paint: registered once the page is idle.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const load = () => import('./sw/register-sw');
  whenIdle(
    () =>
      void load().then(
        (m) => m.registerPictureWorker(),
        // Pictures are still kept by the other means; the next visit registers it.
        () => undefined,
      ),
  );
}

function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 0);
}
