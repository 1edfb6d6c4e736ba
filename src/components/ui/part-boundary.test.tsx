// @vitest-environment jsdom
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { msg } from '@lingui/core/macro';
import { activateLocale } from '../../i18n/activate';
import { WithI18n } from '../../i18n/testing';
import { ChunkLoadError } from '../../lazy/chunk-load-error';
import { lazyPart, useLoad } from '../../lazy/lazy-part';
import { loadOnce } from '../../lazy/load-once';
import { PartBoundary } from './part-boundary';

// React reports every error a boundary catches on the console; these are the tests' own.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Renders inside an awaited act: the part suspends while its code loads. */
async function renderNow(ui: ReactElement, options: { wrapper: typeof WithI18n }) {
  await act(async () => void render(ui, options));
}

/** A part whose code fails to come `failures` times, then comes; counts the loads. */
function flakyPart(failures: number) {
  const loads = { count: 0 };
  const Editor = lazyPart(async () => {
    loads.count++;
    if (loads.count <= failures) throw new ChunkLoadError(new TypeError('Failed to fetch'));
    return function Editor({ image }: { image: string }) {
      return <p>Editing {image}</p>;
    };
  });
  return { Editor, loads };
}

describe('PartBoundary and lazyPart', () => {
  it('a part whose code did not come says so in place; Retry loads it', async () => {
    const { Editor, loads } = flakyPart(1);
    await renderNow(
      <main>
        <p>The feed</p>
        <PartBoundary name={msg`the mask editor`}>
          <Editor image="lighthouse.png" />
        </PartBoundary>
      </main>,
      { wrapper: WithI18n },
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Couldn't load the mask editor.");
    // The rest of the page is untouched.
    expect(screen.getByText('The feed')).toBeTruthy();
    // React rendering again after the failure did not start another load: only Retry does.
    expect(loads.count).toBe(1);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
    expect(await screen.findByText('Editing lighthouse.png')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(loads.count).toBe(2);
  });

  it('loads again by itself when the network comes back', async () => {
    const { Editor } = flakyPart(1);
    await renderNow(
      <PartBoundary name={msg`the mask editor`}>
        <Editor image="harbour.png" />
      </PartBoundary>,
      { wrapper: WithI18n },
    );
    await screen.findByRole('alert');
    await act(async () => void window.dispatchEvent(new Event('online')));
    expect(await screen.findByText('Editing harbour.png')).toBeTruthy();
  });

  it('a dialog’s failure can be closed as the dialog would be', async () => {
    const { Editor } = flakyPart(1);
    let closed = false;
    await renderNow(
      <PartBoundary name={msg`Settings`} onClose={() => (closed = true)}>
        <Editor image="x.png" />
      </PartBoundary>,
      { wrapper: WithI18n },
    );
    expect((await screen.findByRole('alert')).textContent).toContain("Couldn't load Settings.");
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(closed).toBe(true);
  });

  it('a shared load (the query client) failing in one part is retried by that part', async () => {
    let runs = 0;
    const client = loadOnce(async () => {
      if (++runs === 1) throw new ChunkLoadError(new TypeError('Failed to fetch'));
      return { name: 'client' };
    });
    function History() {
      return <p>History with the {useLoad(client).name}</p>;
    }
    await renderNow(
      <PartBoundary name={msg`the history`}>
        <History />
      </PartBoundary>,
      { wrapper: WithI18n },
    );
    expect((await screen.findByRole('alert')).textContent).toContain("Couldn't load the history.");
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
    expect(await screen.findByText('History with the client')).toBeTruthy();
  });

  it('a part that breaks while drawing says what went wrong, not that it did not load', async () => {
    function Broken(): never {
      throw new Error('no image size');
    }
    await renderNow(
      <PartBoundary name={msg`the mask editor`}>
        <Broken />
      </PartBoundary>,
      { wrapper: WithI18n },
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Something went wrong in the mask editor: no image size. Your jobs are saved.',
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('says it in Chinese', async () => {
    await activateLocale('zh-CN');
    try {
      const { Editor } = flakyPart(1);
      await renderNow(
        <PartBoundary name={msg`the mask editor`}>
          <Editor image="x.png" />
        </PartBoundary>,
        { wrapper: WithI18n },
      );
      expect((await screen.findByRole('alert')).textContent).toContain('无法加载蒙版编辑器。');
      expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    } finally {
      await activateLocale('en');
    }
  });
});
