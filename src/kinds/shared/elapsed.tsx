import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';

/** Props of {@link Elapsed}. */
export interface ElapsedProps {
  from: number;
  to?: number;
}

/** m:ss since `from`, ticking each second until `to` is known. */
export function Elapsed({ from, to }: ElapsedProps) {
  const { t } = useLingui();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (to) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [to]);
  const seconds = Math.max(0, Math.round(((to ?? now) - from) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <time className="elapsed" aria-label={t`Elapsed ${text}`}>
      {text}
    </time>
  );
}
