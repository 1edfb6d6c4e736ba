import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createServices } from './app/services';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App services={createServices()} />
  </StrictMode>,
);

// The picture service worker is not needed for the first paint: registered once the page is idle.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void import('./sw/register-sw').then((m) => m.registerPictureWorker());
  if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: 2000 });
  else setTimeout(register, 0);
}
