// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Mode } from '../../api/contract';
import { WithI18n } from '../../i18n/testing';
import { Composer } from './composer';
import { createDraftStore, DraftContext, setDraftPrompt } from './draft-store';
import { loadLint } from './use-prompt-lint';

afterEach(cleanup);

async function renderComposer(prompt: string, mode: Mode = 'fast') {
  await loadLint();
  const draft = createDraftStore();
  setDraftPrompt(draft, prompt);
  const onSubmit = vi.fn();
  render(
    <DraftContext.Provider value={draft}>
      <Composer onSubmit={onSubmit} mode={mode} />
    </DraftContext.Provider>,
    { wrapper: WithI18n },
  );
  return { onSubmit };
}

const imagine = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Imagine' });
/** What assistive tech hears after a control's name: its `aria-describedby` text. */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
const preview = () => screen.getByRole('region', { name: 'Prompts that will be sent' });

describe('Composer: permutations and repeat', () => {
  it('lists every job and its cost before sending, then sends them as one batch', async () => {
    const { onSubmit } = await renderComposer('a {red, blue} bird --repeat 2');
    const jobs = within(preview()).getAllByRole('listitem');
    expect(jobs.map((li) => li.querySelector('.batch-prompt')?.textContent)).toEqual([
      'a red bird',
      'a red bird',
      'a blue bird',
      'a blue bird',
    ]);
    expect(preview().textContent).toContain('4 jobs from this prompt');
    expect(within(preview()).getByText(/relative cost/).parentElement?.textContent).toContain('×4');
    // Imagine says what it will spend, without changing its name.
    expect(description(imagine())).toMatch(/^Relative cost ×4/);

    fireEvent.click(imagine());
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    expect(onSubmit).toHaveBeenCalledTimes(4);
    const calls = onSubmit.mock.calls as [
      { prompt: string },
      { id: string; size: number; index: number },
    ][];
    expect(calls.map(([r]) => r.prompt)).toEqual([
      'a red bird',
      'a red bird',
      'a blue bird',
      'a blue bird',
    ]);
    expect(new Set(calls.map(([, b]) => b.id)).size).toBe(1);
    expect(calls.map(([, b]) => [b.size, b.index])).toEqual([
      [4, 0],
      [4, 1],
      [4, 2],
      [4, 3],
    ]);
  });

  it('asks before more than 4 jobs, and sends nothing on Cancel', async () => {
    const { onSubmit } = await renderComposer('a {red, blue, green, gold, grey} bird');
    fireEvent.click(imagine());
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(onSubmit).not.toHaveBeenCalled();
    const send = within(dialog).getByRole('button', { name: 'Send 5 jobs', hidden: true });
    expect(document.activeElement).toBe(send);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.click(imagine());
    fireEvent.click(screen.getByRole('button', { name: 'Send 5 jobs', hidden: true }));
    expect(onSubmit).toHaveBeenCalledTimes(5);
  });

  it('a single prompt goes as before: one job, no batch, its cost on Imagine', async () => {
    const { onSubmit } = await renderComposer('a bird --ar 3:2', 'turbo');
    expect(screen.queryByRole('region', { name: 'Prompts that will be sent' })).toBeNull();
    expect(description(imagine())).toMatch(/^Relative cost ×2 .*: turbo ×2/);
    fireEvent.click(imagine());
    expect(onSubmit).toHaveBeenCalledWith(
      { prompt: 'a bird --ar 3:2', action: 'generate', split_images: true },
      undefined,
    );
  });

  it('holds back a malformed brace or a repeat over 40, saying why', async () => {
    const { onSubmit } = await renderComposer('a {red, blue bird --repeat 2');
    expect(screen.getByRole('list', { name: 'Prompt check' }).textContent).toMatch(/never closed/);
    expect(imagine().disabled).toBe(true);
    cleanup();
    await renderComposer('a bird --repeat 41');
    expect(screen.getByText(/--repeat 41 is over 40/)).toBeTruthy();
    expect(imagine().disabled).toBe(true);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
