// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { WithI18n } from '../../i18n/testing';
import { AnimateForm } from './animate-form';

afterEach(cleanup);

const IMAGE = 'https://cdn.acedata.cloud/jgo1cw.jpg';

describe('AnimateForm', () => {
  it('offers only what video takes and sends the form as typed', () => {
    const onSubmit = vi.fn();
    render(
      <AnimateForm
        imageUrl={IMAGE}
        mode="turbo"
        studioImages={[{ url: 'https://cdn.acedata.cloud/end.png', label: 'a quiet sea' }]}
        onSubmit={onSubmit}
        onClose={() => undefined}
      />,
      { wrapper: WithI18n },
    );
    const mode = screen.getByLabelText('Mode') as HTMLSelectElement;
    expect([...mode.options].map((o) => o.value)).toEqual(['fast', 'turbo']);
    expect(mode.value).toBe('turbo');
    const resolution = screen.getByLabelText('Resolution') as HTMLSelectElement;
    expect([...resolution.options].map((o) => o.value)).toEqual(['480p', '720p']);
    fireEvent.change(screen.getByLabelText('Motion prompt'), { target: { value: 'waves' } });
    fireEvent.change(screen.getByLabelText('End frame from the studio'), {
      target: { value: 'https://cdn.acedata.cloud/end.png' },
    });
    expect((screen.getByLabelText('End frame') as HTMLInputElement).value).toBe(
      'https://cdn.acedata.cloud/end.png',
    );
    fireEvent.click(screen.getByLabelText('Loop'));
    fireEvent.change(resolution, { target: { value: '720p' } });
    fireEvent.click(screen.getByRole('button', { name: 'Animate', hidden: true }));
    expect(onSubmit).toHaveBeenCalledWith({
      imageUrl: IMAGE,
      motionPrompt: 'waves',
      endImageUrl: 'https://cdn.acedata.cloud/end.png',
      loop: true,
      resolution: '720p',
      mode: 'turbo',
    });
    // With an end frame the clip arrives there: the form says the loop gives way.
    expect(screen.getByRole('list', { name: 'Video check', hidden: true }).textContent).toMatch(
      /does not loop back/,
    );
  });

  it('from the composer: asks for the image URL and holds back a link that is not an image', () => {
    const onSubmit = vi.fn();
    render(<AnimateForm mode="fast" studioImages={[]} onSubmit={onSubmit} onClose={() => {}} />, {
      wrapper: WithI18n,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Animate', hidden: true }));
    expect(onSubmit).not.toHaveBeenCalled();
    // The browser itself asks for the missing link (a required field).
    expect((screen.getByLabelText('Image URL') as HTMLInputElement).validity.valueMissing).toBe(
      true,
    );
    fireEvent.change(screen.getByLabelText('Image URL'), {
      target: { value: 'https://example.com/gallery' },
    });
    expect(screen.getByRole('list', { name: 'Video check', hidden: true }).textContent).toMatch(
      /web page/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Animate', hidden: true }));
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Image URL'), { target: { value: IMAGE } });
    fireEvent.click(screen.getByRole('button', { name: 'Animate', hidden: true }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ imageUrl: IMAGE }));
  });
});
