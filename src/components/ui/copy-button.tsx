import { useState } from 'react';
import { useLingui } from '@lingui/react/macro';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  label: string;
  /** The text, or a promise of it (so what builds it can load on first use). */
  text: () => string | Promise<string>;
  className?: string;
}

/** Copies text to the clipboard and says so in place ("Copied"), for a moment. */
export function CopyButton({ label, text, className }: CopyButtonProps) {
  const { t } = useLingui();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className={className ?? 'chip'}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(await text());
          setState('copied');
        } catch {
          setState('failed');
        }
        setTimeout(() => setState('idle'), 1500);
      }}
    >
      {label}
      <span aria-live="polite" className="copy-state">
        {state === 'copied' ? ` ✓ ${t`Copied`}` : state === 'failed' ? ` — ${t`copy blocked`}` : ''}
      </span>
    </button>
  );
}
