// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { activateLocale } from '../../i18n/activate';
import { WithI18n } from '../../i18n/testing';
import { createConfigStore } from '../../settings/config-store';
import { SettingsDialog } from './settings-dialog';
import { ADVANCED_OPEN_KEY } from './settings-groups';

function show() {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <WithI18n>
        <SettingsDialog config={createConfigStore()} onClose={() => {}} />
      </WithI18n>
    </QueryClientProvider>,
  );
}

/** The names of the groups, in the order they come. */
function groupNames(): string[] {
  const legends = [...document.body.querySelectorAll('fieldset > legend, details > summary')];
  return legends.map((l) => (l.querySelector('.settings-group-title') ?? l).textContent ?? '');
}

/** Whether a field is shown: not inside a closed <details>. */
function shown(el: HTMLElement): boolean {
  const details = el.closest('details');
  return !details || details.open;
}

describe('Settings in groups', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => cleanup());

  it('comes as Connection, Generation defaults, Language and appearance, then Advanced', () => {
    show();
    expect(groupNames()).toEqual([
      'Connection',
      'Generation defaults',
      'Language and appearance',
      'Advanced',
    ]);
    const connection = screen.getByText('Connection', { selector: 'legend' }).closest('fieldset')!;
    expect(within(connection).getByLabelText('Target')).toBeTruthy();
    expect(within(connection).getByText(/Test connection/, { selector: 'button' })).toBeTruthy();
    const language = screen
      .getByText('Language and appearance', { selector: 'legend' })
      .closest('fieldset')!;
    expect(within(language).getByLabelText('Language')).toBeTruthy();
  });

  it('keeps the developer fields under Advanced, closed at first, and remembers it opened', () => {
    show();
    for (const name of ['Delivery', 'Mask format', /Callback URL/, /Stalled after/, /Jobs at once/])
      expect(shown(screen.getByLabelText(name))).toBe(false);
    expect(shown(screen.getByLabelText('Target'))).toBe(true);
    const summary = screen.getByText('Advanced').closest('summary')!;
    const details = summary.closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(shown(screen.getByLabelText('Delivery'))).toBe(true);
    expect(localStorage.getItem(ADVANCED_OPEN_KEY)).toBe('1');
    cleanup();
    show();
    expect(shown(screen.getByLabelText('Delivery'))).toBe(true);
  });

  it('names the groups in Chinese', async () => {
    await activateLocale('zh-CN');
    try {
      show();
      expect(groupNames()).toEqual(['连接', '生成默认值', '语言与外观', '高级']);
    } finally {
      await activateLocale('en');
    }
  });
});
