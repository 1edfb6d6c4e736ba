import { Component, Suspense, useEffect, type ReactNode } from 'react';
import type { MessageDescriptor } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { isChunkLoadError } from '../../lazy/chunk-load-error';
import { LoadAttempt } from '../../lazy/lazy-part';

/** Props of {@link PartBoundary}. */
export interface PartBoundaryProps {
  /** The part as it reads mid-sentence, e.g. msg`the mask editor`. */
  name: MessageDescriptor;
  /** Shown while the part's code loads (nothing by default). */
  fallback?: ReactNode;
  /** A dialog's close: its failure then floats over the page and can be closed as it would. */
  onClose?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** This try at loading what is inside: a new one on each retry (see {@link LoadAttempt}). */
  attempt: object;
}

/**
 * Where a lazily loaded part sits: it loads inside (Suspense), and if it cannot, it says so in
 * place ("Couldn't load the mask editor") with a Retry that loads it again, also done by itself
 * when the network comes back. The failure stays here: the rest of the page is untouched.
 */
export class PartBoundary extends Component<PartBoundaryProps, State> {
  state: State = { error: null, attempt: {} };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  retry = () => this.setState({ error: null, attempt: {} });

  render() {
    const { name, fallback, onClose, children } = this.props;
    const { error, attempt } = this.state;
    if (!error)
      return (
        <LoadAttempt.Provider value={attempt}>
          <Suspense fallback={fallback ?? null}>{children}</Suspense>
        </LoadAttempt.Provider>
      );
    return (
      <PartFailed
        name={name}
        error={error}
        onRetry={this.retry}
        {...(onClose ? { onClose } : {})}
      />
    );
  }
}

interface PartFailedProps {
  name: MessageDescriptor;
  error: Error;
  onRetry: () => void;
  onClose?: () => void;
}

/** What could not load, or what broke, in the active language (a class cannot use the hook). */
function PartFailed({ name, error, onRetry, onClose }: PartFailedProps) {
  const { i18n } = useLingui();
  const part = i18n._(name);
  const reason = error.message;
  const unloaded = isChunkLoadError(error);
  useEffect(() => {
    if (!unloaded) return;
    window.addEventListener('online', onRetry);
    return () => window.removeEventListener('online', onRetry);
  }, [unloaded, onRetry]);
  return (
    <div role="alert" className={onClose ? 'part-failed floating' : 'part-failed'}>
      <p>
        {unloaded ? (
          <Trans>Couldn't load {part}.</Trans>
        ) : (
          <Trans>
            Something went wrong in {part}: {reason}. Your jobs are saved.
          </Trans>
        )}
      </p>
      <div className="row">
        <button type="button" onClick={onRetry}>
          {unloaded ? <Trans>Retry</Trans> : <Trans>Try again</Trans>}
        </button>
        {onClose && (
          <button type="button" className="ghost" onClick={onClose}>
            <Trans>Close</Trans>
          </button>
        )}
      </div>
    </div>
  );
}
