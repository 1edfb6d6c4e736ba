// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { activateLocale } from '../../i18n/activate';
import { WithI18n } from '../../i18n/testing';
import { Composer } from './composer';
import { createDraftStore, DraftContext, draftPrompt, setDraftPrompt } from './draft-store';
import { loadLint } from './use-prompt-lint';
import { KINDS } from '../../kinds/registry';
import { testToolServices } from '../../kinds/shared/fixtures/test-tool-services';
import { ToolsContext } from '../../kinds/shared/tools-context';

afterEach(async () => {
  cleanup();
  await activateLocale('en');
});

function renderComposer(prompt: string, translation = false) {
  const draft = createDraftStore();
  setDraftPrompt(draft, prompt);
  draft.setState({ translation });
  const sent: string[] = [];
  const { services } = testToolServices({
    prompt: () => draftPrompt(draft),
    setPrompt: (p) => setDraftPrompt(draft, p),
    answer: (path, body) => {
      if (path !== '/midjourney/translate') return undefined;
      sent.push(String(body.content));
      return { content: 'a cute cat' };
    },
  });
  render(
    <DraftContext.Provider value={draft}>
      <ToolsContext.Provider value={{ entries: KINDS, services }}>
        <Composer onSubmit={() => undefined} />
      </ToolsContext.Provider>
    </DraftContext.Provider>,
    { wrapper: WithI18n },
  );
  return { draft, sent };
}

const check = () => screen.getByRole('list', { name: 'Prompt check' });

describe('Composer: a Chinese prompt', () => {
  it('hints that Midjourney understands English best, and Translate now translates the words', async () => {
    const { draft, sent } = renderComposer('https://x.test/a.png 一只可爱的猫 --ar 2:3');
    // The lint loads just after the first paint.
    await screen.findByText(/Midjourney understands English best/);
    fireEvent.click(within(check()).getByRole('button', { name: 'Translate now' }));
    await screen.findByRole('button', { name: 'Undo' });
    expect(sent).toEqual(['一只可爱的猫']);
    expect(draftPrompt(draft)).toBe('https://x.test/a.png a cute cat --ar 2:3');
    expect(check().textContent).not.toContain('English best');
  });

  it('gives no hint when Translate prompt is on, or the prompt is English', async () => {
    await loadLint();
    renderComposer('一只可爱的猫', true);
    expect(check().textContent).toBe('');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Translate prompt' }));
    expect(check().textContent).toContain('English best');
    cleanup();
    renderComposer('a cute cat');
    expect(check().textContent).toBe('');
  });

  it('speaks Chinese once the studio does, without being rendered again', async () => {
    await loadLint();
    renderComposer('一只可爱的猫');
    await act(() => activateLocale('zh-CN'));
    expect(screen.getByRole('textbox', { name: '提示词' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '生成' })).toBeTruthy();
    const list = screen.getByRole('list', { name: '提示词检查' });
    expect(list.textContent).toContain('Midjourney 对英文的理解最好');
    expect(within(list).getByRole('button', { name: '立即翻译' })).toBeTruthy();
  });
});
