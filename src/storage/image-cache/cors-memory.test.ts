import { describe, expect, it } from 'vitest';
import { CORS_MEMORY_KEY, CORS_MEMORY_MS, corsMemory } from './cors-memory';

function storage() {
  const kept = new Map<string, string>();
  return {
    kept,
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, v),
  };
}

describe('corsMemory', () => {
  it('remembers a refusal for a week, shared through storage, and forgets it when a read works', () => {
    let now = 1_000;
    const s = storage();
    const memory = corsMemory(s, () => now);
    expect(memory.refuses('https://cdn.example')).toBe(false);
    memory.learn('https://cdn.example', false);
    expect(corsMemory(s, () => now).refuses('https://cdn.example')).toBe(true);
    expect(memory.refuses('https://other.example')).toBe(false);
    now += CORS_MEMORY_MS;
    expect(memory.refuses('https://cdn.example')).toBe(false);
    memory.learn('https://cdn.example', false);
    memory.learn('https://cdn.example', true);
    expect(memory.refuses('https://cdn.example')).toBe(false);
    expect(JSON.parse(s.kept.get(CORS_MEMORY_KEY)!)).toEqual({});
  });

  it('keeps working in memory when storage refuses or holds nonsense', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const memory = corsMemory(refusing);
    memory.learn('https://cdn.example', false);
    expect(memory.refuses('https://cdn.example')).toBe(true);
    const junk = storage();
    junk.kept.set(CORS_MEMORY_KEY, 'not json');
    expect(corsMemory(junk).refuses('https://cdn.example')).toBe(false);
  });
});
