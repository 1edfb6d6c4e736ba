// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Composer } from './composer';
import { createDraftStore, DraftContext, setDraftPrompt } from './draft-store';
import { WithI18n } from '../../i18n/testing';

afterEach(cleanup);

function renderComposer(prompt: string) {
  const draft = createDraftStore();
  setDraftPrompt(draft, prompt);
  const onAnimate = vi.fn();
  const onSubmit = vi.fn();
  render(
    <DraftContext.Provider value={draft}>
      <Composer onSubmit={onSubmit} onAnimate={onAnimate} />
    </DraftContext.Provider>,
    { wrapper: WithI18n },
  );
  return { onAnimate, onSubmit };
}

describe('Composer: Animate', () => {
  it('opens Animate with the prompt’s first image link, without imagining', () => {
    const { onAnimate, onSubmit } = renderComposer(
      'https://cdn.acedata.cloud/a.png https://cdn.acedata.cloud/b.png a quiet sea',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Animate' }));
    expect(onAnimate).toHaveBeenCalledWith('https://cdn.acedata.cloud/a.png');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('with no link in the prompt, opens Animate to paste one', () => {
    const { onAnimate } = renderComposer('a quiet sea');
    fireEvent.click(screen.getByRole('button', { name: 'Animate' }));
    expect(onAnimate).toHaveBeenCalledWith(undefined);
  });
});
