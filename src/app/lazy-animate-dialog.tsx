import { msg } from '@lingui/core/macro';
import { PartBoundary } from '../components/ui/part-boundary';
import { lazyPart } from '../lazy/lazy-part';
import type { AnimateDialogProps } from './animate-dialog';

// The Animate form is needed only once someone animates an image: not with the studio.
const AnimateDialog = lazyPart(() => import('./animate-dialog').then((m) => m.AnimateDialog));

/** The Animate dialog, loaded on first use. */
export function LazyAnimateDialog(props: AnimateDialogProps) {
  return (
    <PartBoundary name={msg`Animate`} onClose={props.onClose}>
      <AnimateDialog {...props} />
    </PartBoundary>
  );
}
