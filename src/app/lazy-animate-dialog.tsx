import { lazy, Suspense } from 'react';
import type { AnimateDialogProps } from './animate-dialog';

// The Animate form is needed only once someone animates an image: not with the studio.
const AnimateDialog = lazy(() =>
  import('./animate-dialog').then((m) => ({ default: m.AnimateDialog })),
);

/** The Animate dialog, loaded on first use. */
export function LazyAnimateDialog(props: AnimateDialogProps) {
  return (
    <Suspense fallback={null}>
      <AnimateDialog {...props} />
    </Suspense>
  );
}
