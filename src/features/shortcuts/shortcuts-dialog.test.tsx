// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { WithI18n } from '../../i18n/testing';
import { ShortcutsDialog } from './shortcuts-dialog';

afterEach(cleanup);

function keysFor(does: string): string {
  const dd = [...document.querySelectorAll('dd')].find((d) => d.textContent === does);
  return dd?.previousElementSibling?.textContent ?? '';
}

describe('ShortcutsDialog', () => {
  it('shows keys pressed together with "+" and keys that are alternatives with "/"', () => {
    render(<ShortcutsDialog onClose={() => undefined} />, { wrapper: WithI18n });
    expect(keysFor('Zoom in / out (canvas focused; or the wheel)')).toBe('+ / −');
    expect(keysFor('New line')).toBe('Shift + Enter');
    expect(keysFor('Redo (also Ctrl+Y)')).toBe('Ctrl + Shift + Z');
  });
});
