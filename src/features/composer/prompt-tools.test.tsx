// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createStore, useStore } from 'zustand';
import { composeDraft, splitDraft } from '../../prompt/draft-prompt';
import { KINDS } from '../../kinds/registry';
import {
  testToolServices,
  type TestToolOptions,
} from '../../kinds/shared/fixtures/test-tool-services';
import { ToolsContext } from '../../kinds/shared/tools-context';
import { DraftContext, type DraftState } from './draft-store';
import { PromptTools } from './prompt-tools';
import { WithI18n } from '../../i18n/testing';

afterEach(cleanup);

/** The composer's tools as the registry declares them, on a draft, calling a fake service. */
function setUp(prompt: string, options: TestToolOptions = {}) {
  const draft = createStore<DraftState>(() => ({ ...splitDraft(prompt), translation: false }));
  const { services, calls } = testToolServices({
    prompt: () => composeDraft(draft.getState()),
    setPrompt: (p) => draft.setState(splitDraft(p)),
    ...options,
  });
  function Harness({ imageUrl }: { imageUrl: string }) {
    const p = useStore(draft, composeDraft);
    return <PromptTools prompt={p} imageUrl={imageUrl} />;
  }
  const ui = (imageUrl = '') => (
    <DraftContext.Provider value={draft}>
      <ToolsContext.Provider value={{ entries: KINDS, services }}>
        <Harness imageUrl={imageUrl} />
      </ToolsContext.Provider>
    </DraftContext.Provider>
  );
  return { draft, calls, ui };
}

const translateTo = (english: string) => (path: string) =>
  path === '/midjourney/translate' ? { content: english } : undefined;

describe('prompt tools', () => {
  it('Translate to English sends only the words, keeps the URL and params; Undo restores', async () => {
    const original = 'https://x.test/a.png 红色的猫 --ar 2:3 --v 6';
    const { draft, calls, ui } = setUp(original, { answer: translateTo('a red cat') });
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(await screen.findByRole('button', { name: 'Translate to English' }));
    await screen.findByRole('button', { name: 'Undo' });
    expect(calls.requests).toEqual([
      { path: '/midjourney/translate', body: { content: '红色的猫' } },
    ]);
    expect(composeDraft(draft.getState())).toBe('https://x.test/a.png a red cat --ar 2:3 --v 6');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(composeDraft(draft.getState())).toBe(original);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('The original prompt is back.');
  });

  it('Shorten prompt lists candidates with the original params; Use candidate N puts one in', async () => {
    const long = 'a very long prompt about a lake --ar 16:9 --v 6';
    const { draft, calls, ui } = setUp(long, {
      answer: () => ({ prompts: ['lake --ar 16:9', 'misty lake --style raw'] }),
    });
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(await screen.findByRole('button', { name: 'Shorten prompt' }));
    const second = await screen.findByRole('button', { name: 'Use candidate 2' });
    expect(calls.requests).toEqual([{ path: '/midjourney/shorten', body: { prompt: long } }]);
    expect(screen.getByText('misty lake --ar 16:9 --v 6')).toBeTruthy();
    fireEvent.click(second);
    expect(composeDraft(draft.getState())).toBe('misty lake --ar 16:9 --v 6');
    expect(screen.queryByRole('group', { name: 'Shorter prompts' })).toBeNull();
  });

  it('Shorten prompt says so when the service offers no shorter prompt', async () => {
    const { ui } = setUp('a lake', { answer: () => ({ prompts: [] }) });
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(await screen.findByRole('button', { name: 'Shorten prompt' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('The service offered no shorter prompt.'),
    );
    expect(screen.queryByRole('group', { name: 'Shorter prompts' })).toBeNull();
  });

  it('Describe sends a describe job of the typed link; Edit image opens the editor on the first reference', async () => {
    const { calls, ui } = setUp('https://x.test/ref.png a cat');
    const { rerender } = render(ui('https://x.test/typed.png'), { wrapper: WithI18n });
    fireEvent.click(await screen.findByRole('button', { name: 'Describe' }));
    rerender(ui(''));
    fireEvent.click(screen.getByRole('button', { name: 'Edit image' }));
    expect(calls.submitted).toEqual([
      { request: { image_url: 'https://x.test/typed.png' }, kind: 'describe' },
    ]);
    expect(calls.dialogs.map((d) => [d.type, d.imageUrl])).toEqual([
      ['mask-edit', 'https://x.test/ref.png'],
    ]);
    // What the editor submits goes out as an edits job of that image.
    calls.dialogs[0]!.onSubmit({ imageUrl: 'https://x.test/ref.png', prompt: 'a dog' });
    expect(calls.submitted[1]).toEqual({
      request: { image_url: 'https://x.test/ref.png', prompt: 'a dog' },
      kind: 'edits',
    });
    // The describe's own card says it is describing: no toast says it again.
    expect(calls.toasts).toEqual([]);
  });

  it('with two references and nothing typed, Describe and Edit image ask which one, never take the first silently', async () => {
    const { calls, ui } = setUp('https://x.test/one.png https://x.test/two.png a cat');
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(await screen.findByRole('button', { name: 'Describe' }));
    const choice = screen.getByRole('group', { name: 'Which image?' });
    expect(calls.submitted).toEqual([]);
    expect(
      within(choice)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Image 1: x.test/one.png', 'Image 2: x.test/two.png']);
    fireEvent.click(within(choice).getByRole('button', { name: /Image 2/ }));
    expect(calls.submitted).toEqual([
      { request: { image_url: 'https://x.test/two.png' }, kind: 'describe' },
    ]);
    expect(screen.queryByRole('group', { name: 'Which image?' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Edit image' }));
    fireEvent.click(screen.getByRole('button', { name: /Image 1/ }));
    expect(calls.dialogs.map((d) => d.imageUrl)).toEqual(['https://x.test/one.png']);
  });

  it('with no link anywhere, Describe asks for one and sends nothing', async () => {
    const { calls, ui } = setUp('a cat');
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(await screen.findByRole('button', { name: 'Describe' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Image URL/);
    expect(calls.submitted).toEqual([]);
  });

  it('a failed call shows the service’s message and leaves the prompt as it was', async () => {
    const { draft, ui } = setUp('红色的猫', {
      answer: () => ({
        status: 401,
        body: { error: { code: 'token_invalid', message: 'The token is invalid.' } },
      }),
    });
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(await screen.findByRole('button', { name: 'Translate to English' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The token is invalid.');
    expect(composeDraft(draft.getState())).toBe('红色的猫');
  });

  it('says so when the answer still holds Chinese, or came from the local engine’s glossary', async () => {
    const said = async (answer: string, glossary: boolean) => {
      const { ui } = setUp('红色的猫 在月光下', {
        answer: translateTo(answer),
        target: () => (glossary ? 'local' : 'acedata'),
      });
      render(ui(), { wrapper: WithI18n });
      fireEvent.click(await screen.findByRole('button', { name: 'Translate to English' }));
      await screen.findByRole('button', { name: 'Undo' }, { timeout: 5000 });
      // Undo comes with the answer; the status leaves "Translating…" when the call has ended,
      // which may be a render later.
      await waitFor(() => expect(screen.getByRole('status').textContent).not.toBe('Translating…'));
      const text = screen.getByRole('status').textContent;
      cleanup();
      return text;
    };
    expect(await said('a red cat in moonlight', false)).toBe('Translated to English.');
    expect(await said('red cat 在月光下', false)).toBe(
      'Partly translated: some words are still in Chinese. Check the prompt before you send it.',
    );
    expect(await said('a red cat in moonlight', true)).toBe(
      "Translated word by word with the local engine's glossary (it is not a translator). Check the prompt before you send it.",
    );
    expect(await said('red cat 在月光下', true)).toMatch(
      /^Partly translated: the local engine's glossary knows only common prompt words and left some in Chinese\./,
    );
  });
});
