// @vitest-environment jsdom
/**
 * The tools on a finished picture are the ones the registry's entries declare: Describe on every
 * picture, Edit image on a single one, Get seed on a grid, each doing its kind's work.
 */
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { GRID_ACTIONS } from '../../../api/contract';
import { WithI18n } from '../../../i18n/testing';
import type { Job } from '../../../jobs/job';
import { KINDS } from '../../registry';
import { FeedActionsContext } from '../card-actions';
import { testFeedActions } from '../fixtures/test-actions';
import { testToolServices, type TestToolOptions } from '../fixtures/test-tool-services';
import { ToolsContext } from '../tools-context';
import { ImageToolsBar } from './image-tools';

afterEach(cleanup);

function finished(actions: string[]): Job {
  return {
    id: 'job-1',
    kind: 'imagine',
    status: 'done',
    request: { prompt: 'a blue sphere' },
    result: { image_url: 'https://cdn.test/a.png', image_id: 'img-1', actions },
    createdAt: 1,
    updatedAt: 1,
    attempts: 1,
  } as unknown as Job;
}

function draw(job: Job, options: TestToolOptions = {}) {
  const { services, calls } = testToolServices(options);
  render(
    <WithI18n>
      <FeedActionsContext.Provider value={testFeedActions()}>
        <ToolsContext.Provider value={{ entries: KINDS, services }}>
          <Suspense>
            <ImageToolsBar job={job} />
          </Suspense>
        </ToolsContext.Provider>
      </FeedActionsContext.Provider>
    </WithI18n>,
  );
  return { calls, services };
}

const bar = () => screen.getByRole('group', { name: 'Image tools' });
/** The bar, once its tools' code has loaded. */
const loaded = () => screen.findByRole('group', { name: 'Image tools' });

describe('image tools', () => {
  it('on a grid: Describe and Get seed; "Seed: N" on the grid, and Reuse seed puts it in the prompt', async () => {
    const { calls, services } = draw(finished([...GRID_ACTIONS]), {
      answer: (path) => (path === '/midjourney/seed' ? { seed: '4242' } : undefined),
    });
    fireEvent.click(within(await loaded()).getByRole('button', { name: 'Get seed' }));
    expect(within(bar()).queryByRole('button', { name: 'Edit image' })).toBeNull();
    expect((await within(bar()).findByRole('status')).textContent).toBe('Seed: 4242');
    expect(calls.requests).toEqual([{ path: '/midjourney/seed', body: { image_id: 'img-1' } }]);
    services.setPrompt('a yellow sphere');
    fireEvent.click(within(bar()).getByRole('button', { name: 'Reuse seed' }));
    expect(services.prompt()).toBe('a yellow sphere --seed 4242');
    expect(calls.toasts).toHaveLength(1);

    // Describe sends a describe job whose parent is this picture, and no toast of its own.
    fireEvent.click(within(bar()).getByRole('button', { name: 'Describe' }));
    expect(calls.submitted).toEqual([
      {
        request: { image_url: 'https://cdn.test/a.png' },
        kind: 'describe',
        parent: { jobId: 'job-1', imageId: 'img-1', action: 'describe', label: 'a blue sphere' },
      },
    ]);
    expect(calls.toasts).toHaveLength(1);
  });

  it('on a single picture: Edit image opens the editor, which sends an edit of that picture', async () => {
    const { calls } = draw(finished(['upscale_subtle']));
    fireEvent.click(within(await loaded()).getByRole('button', { name: 'Edit image' }));
    expect(within(bar()).queryByRole('button', { name: 'Get seed' })).toBeNull();
    expect(calls.dialogs).toHaveLength(1);
    const dialog = calls.dialogs[0]!;
    expect([dialog.imageUrl, dialog.memoryKey]).toEqual(['https://cdn.test/a.png', 'edit:img-1']);
    dialog.onSubmit({ imageUrl: 'https://cdn.test/a.png', prompt: 'a red roof', mask: 'AAAA' });
    expect(calls.submitted).toEqual([
      {
        request: { image_url: 'https://cdn.test/a.png', prompt: 'a red roof', mask: 'AAAA' },
        kind: 'edits',
        parent: { jobId: 'job-1', imageId: 'img-1', action: 'edit', label: 'a blue sphere' },
      },
    ]);
  });
});
