import { useState } from 'react';

/**
 * A yes/no choice kept in this browser between visits (a folded section's open state, a view):
 * `[value, set]` like `useState`, read once from localStorage, written on every change. Storage
 * that refuses (a private window's quota, a policy) only means the choice lasts until the page
 * closes; `fallback` is the choice of someone who never made one.
 */
export function useRememberedFlag(
  key: string,
  fallback: boolean,
): [boolean, (on: boolean) => void] {
  const [value, setValue] = useState(() => readFlag(key, fallback));
  const set = (on: boolean) => {
    writeFlag(key, on);
    setValue(on);
  };
  return [value, set];
}

/** The kept choice under `key`, or `fallback` when there is none or storage refuses. */
export function readFlag(key: string, fallback: boolean): boolean {
  try {
    const kept = globalThis.localStorage?.getItem(key);
    return kept === null || kept === undefined ? fallback : kept === '1';
  } catch {
    return fallback;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    globalThis.localStorage?.setItem(key, on ? '1' : '0');
  } catch {
    // Not kept: the choice lasts until the page closes.
  }
}
