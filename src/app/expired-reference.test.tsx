// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createDraftStore } from '../features/composer/draft-store';
import { createConfigStore, updateSettings, type Target } from '../settings/config-store';
import { createJobsStore } from '../jobs/store';
import type { KeptCopy } from '../storage/image-cache/kept-copy';
import { WithI18n } from '../i18n/testing';
import { offerKeptCopy } from './expired-reference';
import { Toasts } from './toasts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DEAD = 'http://cdn.test/attachments/t/i/grid.png?ex=1&is=1&hm=ab&';
const FRESH = 'http://cdn.test/attachments/uploads/u/reference.png?ex=ffffffff&is=1&hm=cd&';

function setUp(target: Target, blob: Blob | null, copy: KeptCopy = { kind: 'relay' }) {
  const config = createConfigStore();
  updateSettings(config, { target });
  const draft = createDraftStore();
  draft.setState({ text: '', references: [] });
  const persistence = { keptBlob: async () => blob, keptCopy: async () => copy };
  render(<Toasts />, { wrapper: WithI18n });
  return {
    run: () =>
      act(() =>
        offerKeptCopy({ config, draft, persistence, jobs: createJobsStore() } as never, DEAD),
      ),
    draft,
  };
}

describe('Use as reference with an expired link', () => {
  it('on AceData: says the link expired and that a re-hosted copy is UNCERTAIN; offers nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { run, draft } = setUp('acedata', new Blob(['png'], { type: 'image/png' }));
    await run();
    expect(screen.getByRole('status').textContent).toMatch(/expired.*spending a credit.*UNCERTAIN/);
    expect(screen.queryByRole('button', { name: 'Use the kept copy' })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
    expect(draft.getState().references).toEqual([]);
  });

  it('with only the offline cache’s opaque copy: says it cannot be sent', async () => {
    const { run } = setUp('local', null, { kind: 'offline' });
    await run();
    expect(screen.getByRole('status').textContent).toContain('cannot read');
    expect(screen.queryByRole('button', { name: 'Use the kept copy' })).toBeNull();
  });

  it('on the local engine: "Use the kept copy" uploads the kept bytes and adds the live link', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response(JSON.stringify({ success: true, url: FRESH }), { status: 200 });
    });
    const blob = new Blob(['png bytes'], { type: 'image/png' });
    const { run, draft } = setUp('local', blob);
    await run();
    expect(sent).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Use the kept copy' }));
      await vi.waitFor(() => expect(draft.getState().references).toEqual([FRESH]));
    });
    expect(sent[0]!.url).toBe('/__engine/uploads');
    expect(sent[0]!.init.body).toBe(blob);
    const headers = sent[0]!.init.headers as Record<string, string>;
    expect(headers['content-type']).toBe('image/png');
    // The engine takes admin requests only with its admin header (a callback never has it).
    expect(headers['x-engine-admin']).toBe('1');
  });
});
