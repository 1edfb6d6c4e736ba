/**
 * Test helpers: components using Lingui render inside its provider, with the global `i18n`
 * (English by default, see vitest-setup.ts).
 */
import type { ReactNode } from 'react';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';

/** A `wrapper` for Testing Library's `render`: `render(<X />, { wrapper: WithI18n })`. */
export function WithI18n({ children }: { children: ReactNode }) {
  return <I18nProvider i18n={i18n}>{children}</I18nProvider>;
}
