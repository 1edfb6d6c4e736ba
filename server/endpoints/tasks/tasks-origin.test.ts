import { describe, expect, it } from 'vitest';
import { createEngine } from '../create-engine';
import { call } from '../fixtures/engine-test-kit';

describe('who may read the task list', () => {
  it('with no token required, the task list is not readable by other origins', async () => {
    const open = createEngine({ paceMs: 0 });
    const list = await call(
      open,
      '/midjourney/tasks',
      { action: 'retrieve_batch' },
      {
        token: 'anything',
        headers: { origin: 'https://evil.example' },
      },
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBeNull();
    open.close();
    // With a token, the API answers CORS as a public API does.
    const guarded = createEngine({ paceMs: 0, token: 'secret' });
    const res = await call(
      guarded,
      '/midjourney/tasks',
      { action: 'retrieve_batch' },
      {
        token: 'secret',
      },
    );
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    guarded.close();
  });
});
