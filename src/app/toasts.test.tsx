// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { msg } from '@lingui/core/macro';
import { WithI18n } from '../i18n/testing';
import { Toasts, toast } from './toasts';

function shown(): string[] {
  return [...document.querySelectorAll('.toast')].map((t) => t.firstChild?.textContent ?? '');
}

describe('toasts', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('says the same words once, however often they are asked, for the full time again', () => {
    vi.useFakeTimers();
    render(
      <WithI18n>
        <Toasts />
      </WithI18n>,
    );
    act(() => toast(msg`Added to the prompt as an image reference.`));
    act(() => vi.advanceTimersByTime(3000));
    act(() => toast(msg`Added to the prompt as an image reference.`));
    expect(shown()).toEqual(['Added to the prompt as an image reference.']);
    act(() => vi.advanceTimersByTime(3000));
    expect(shown()).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1100));
    expect(shown()).toEqual([]);
  });

  it('has a close button on every toast', () => {
    render(
      <WithI18n>
        <Toasts />
      </WithI18n>,
    );
    act(() => toast('One'));
    act(() => toast('Two', { label: 'Undo', onClick: () => {} }));
    expect(shown()).toEqual(['One', 'Two']);
    fireEvent.click(screen.getAllByRole('button', { name: 'Close' })[0]!);
    expect(shown()).toEqual(['Two']);
  });
});
