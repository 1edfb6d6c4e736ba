import { describe, expect, it } from 'vitest';
import { loadOnce } from './load-once';

describe('loadOnce', () => {
  it('runs the load once for every caller and keeps its value', async () => {
    let runs = 0;
    const load = loadOnce(async () => ({ run: ++runs }));
    expect(load.value).toBeUndefined();
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(load.value).toBe(a);
    expect(runs).toBe(1);
  });

  it('keeps no failure: the caller after it loads again', async () => {
    let runs = 0;
    const load = loadOnce(async () => {
      if (++runs === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'lint';
    });
    await expect(load()).rejects.toThrow('Failed to fetch');
    expect(load.value).toBeUndefined();
    await expect(load()).resolves.toBe('lint');
    expect(runs).toBe(2);
  });
});
