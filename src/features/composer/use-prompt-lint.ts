import { useEffect, useMemo, useState } from 'react';
import { loadOnce } from '../../lazy/load-once';
import type { LintIssue, lintPrompt } from '../../prompt/lint';

/** The lint function. */
type Lint = typeof lintPrompt;

/**
 * The prompt lint, loaded just after the first paint rather than with it (its rules are the
 * composer's largest part). Shared by every composer; resolves to the same function each time,
 * and a failed load (offline before it arrived) is tried again by the next call.
 */
export const loadLint = loadOnce(() => import('../../prompt/lint').then((m) => m.lintPrompt));

/**
 * The lint, or none when it cannot load (the network went away before it arrived): a prompt is
 * never stuck in the box for want of its check, and the service still checks it when it is sent.
 */
function lintOrNone(): Promise<Lint> {
  return loadLint().catch((): Lint => () => []);
}

/** What the lint depends on besides the prompt. */
export interface PromptLintContext {
  /** "Translate prompt" is on (a Chinese prompt then needs no hint). */
  translation: boolean;
  /** The active language: the lint's words are in it, so a change of language lints again. */
  locale: string;
}

/**
 * The issues of `prompt` (none for a blank one), once the lint has loaded; `lint()` gives the
 * function itself, waiting for it if needed, so a prompt sent in the first moments is still checked.
 */
export function usePromptLint(
  prompt: string,
  { translation, locale }: PromptLintContext,
): {
  issues: LintIssue[];
  /** The lint has loaded, so `issues` is the prompt's check. */
  ready: boolean;
  lint: () => Promise<Lint>;
} {
  const [fn, setFn] = useState<Lint | undefined>(() => loadLint.value);
  // Still missing after its retries (a network that drops requests): asked again as the person
  // types, and when the browser is back online.
  useEffect(() => {
    if (fn) return;
    let live = true;
    const load = () =>
      void loadLint().then(
        (f) => live && setFn(() => f),
        () => undefined,
      );
    load();
    // Offline at first paint: the lint comes with the network.
    window.addEventListener('online', load);
    return () => {
      live = false;
      window.removeEventListener('online', load);
    };
  }, [fn, prompt]);
  // An empty box is not a mistake yet: the disabled button says enough until the person types.
  const issues = useMemo(
    () => (fn && prompt.trim() && locale ? fn(prompt, { translation }) : []),
    [fn, prompt, translation, locale],
  );
  return { issues, ready: fn !== undefined, lint: lintOrNone };
}
