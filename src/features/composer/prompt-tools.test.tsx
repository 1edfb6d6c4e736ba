// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createStore, useStore } from 'zustand';
import { composeDraft, splitDraft } from '../../prompt/draft-prompt';
import { DraftContext, type DraftState } from './draft-store';
import { PromptTools } from './prompt-tools';
import { WithI18n } from '../../i18n/testing';
import { PromptToolsContext, type PromptTools as Tools } from './prompt-tools-context';

afterEach(cleanup);

function setUp(prompt: string, tools: Partial<Tools>) {
  const draft = createStore<DraftState>(() => ({ ...splitDraft(prompt), translation: false }));
  const calls: { describe: string[]; edit: string[]; sent: string[] } = {
    describe: [],
    edit: [],
    sent: [],
  };
  const value: Tools = {
    describe: (url) => calls.describe.push(url),
    editImage: (url) => calls.edit.push(url),
    shorten: async () => [],
    translate: async (text) => text,
    ...tools,
  };
  function Harness({ imageUrl }: { imageUrl: string }) {
    const p = useStore(draft, composeDraft);
    return <PromptTools prompt={p} imageUrl={imageUrl} />;
  }
  const ui = (imageUrl = '') => (
    <DraftContext.Provider value={draft}>
      <PromptToolsContext.Provider value={value}>
        <Harness imageUrl={imageUrl} />
      </PromptToolsContext.Provider>
    </DraftContext.Provider>
  );
  return { draft, calls, ui };
}

describe('prompt tools', () => {
  it('Translate to English sends only the words, keeps the URL and params; Undo restores', async () => {
    const sent: string[] = [];
    const original = 'https://x.test/a.png 红色的猫 --ar 2:3 --v 6';
    const { draft, ui } = setUp(original, {
      translate: async (text) => {
        sent.push(text);
        return 'a red cat';
      },
    });
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(screen.getByRole('button', { name: 'Translate to English' }));
    await screen.findByRole('button', { name: 'Undo' });
    expect(sent).toEqual(['红色的猫']);
    expect(composeDraft(draft.getState())).toBe('https://x.test/a.png a red cat --ar 2:3 --v 6');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(composeDraft(draft.getState())).toBe(original);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('Shorten prompt lists candidates with the original params; Use candidate N puts one in', async () => {
    const { draft, ui } = setUp('a very long prompt about a lake --ar 16:9 --v 6', {
      shorten: async () => ['lake --ar 16:9', 'misty lake --style raw'],
    });
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(screen.getByRole('button', { name: 'Shorten prompt' }));
    const second = await screen.findByRole('button', { name: 'Use candidate 2' });
    expect(screen.getByText('misty lake --ar 16:9 --v 6')).toBeTruthy();
    fireEvent.click(second);
    expect(composeDraft(draft.getState())).toBe('misty lake --ar 16:9 --v 6');
  });

  it('Describe and Edit image take the typed link, else the first reference, else say what to do', () => {
    const { calls, ui } = setUp('https://x.test/ref.png a cat', {});
    const { rerender } = render(ui('https://x.test/typed.png'), { wrapper: WithI18n });
    fireEvent.click(screen.getByRole('button', { name: 'Describe' }));
    rerender(ui(''));
    fireEvent.click(screen.getByRole('button', { name: 'Edit image' }));
    expect(calls.describe).toEqual(['https://x.test/typed.png']);
    expect(calls.edit).toEqual(['https://x.test/ref.png']);
  });

  it('with no link anywhere, Describe asks for one and calls nothing', () => {
    const { calls, ui } = setUp('a cat', {});
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(screen.getByRole('button', { name: 'Describe' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Image URL/);
    expect(calls.describe).toEqual([]);
  });

  it('a failed call shows the service’s message and leaves the prompt as it was', async () => {
    const { draft, ui } = setUp('红色的猫', {
      translate: async () => {
        throw new Error('The token is invalid.');
      },
    });
    render(ui(), { wrapper: WithI18n });
    fireEvent.click(screen.getByRole('button', { name: 'Translate to English' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The token is invalid.');
    expect(composeDraft(draft.getState())).toBe('红色的猫');
  });

  it('says so when the answer still holds Chinese, or came from the local engine’s glossary', async () => {
    const said = async (answer: string, glossary: boolean) => {
      const { ui } = setUp('红色的猫 在月光下', {
        translate: async () => answer,
        translatesByGlossary: () => glossary,
      });
      render(ui(), { wrapper: WithI18n });
      fireEvent.click(screen.getByRole('button', { name: 'Translate to English' }));
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
