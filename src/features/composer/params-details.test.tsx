// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { WithI18n } from '../../i18n/testing';
import { PARAMS_OPEN_KEY, ParamsDetails } from './params-details';

function details(): HTMLDetailsElement {
  render(
    <WithI18n>
      <ParamsDetails prompt="a kite" />
    </WithI18n>,
  );
  return document.querySelector('details.params')!;
}

describe('the Parameters section', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => cleanup());

  it('is closed for someone who never opened it', () => {
    expect(details().open).toBe(false);
  });

  it('stays open after the composer is unmounted (a visit to History) and mounted again', () => {
    const first = details();
    first.open = true;
    fireEvent(first, new Event('toggle'));
    expect(localStorage.getItem(PARAMS_OPEN_KEY)).toBe('1');
    cleanup();
    expect(details().open).toBe(true);
  });

  it('stays closed once closed again', () => {
    localStorage.setItem(PARAMS_OPEN_KEY, '1');
    const first = details();
    first.open = false;
    fireEvent(first, new Event('toggle'));
    cleanup();
    expect(details().open).toBe(false);
  });
});
