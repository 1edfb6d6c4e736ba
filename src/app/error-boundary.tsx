import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { MessageDescriptor } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';

interface State {
  error: Error | null;
}

/** Catches a render failure in one part of the page so the rest (and the person's work) survives. */
export class ErrorBoundary extends Component<
  {
    children: ReactNode;
    /** For the console: which part failed (not shown). */
    label: string;
    /** The part's name as the person reads it, e.g. msg`The composer`. */
    name: MessageDescriptor;
  },
  State
> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.label}]`, error.message, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="panel">
        <Failed name={this.props.name} reason={this.state.error.message} />
        <button type="button" onClick={() => this.setState({ error: null })}>
          <Trans>Try again</Trans>
        </button>
      </div>
    );
  }
}

/** What failed and why, in the active language (a class component cannot use the hook). */
function Failed({ name, reason }: { name: MessageDescriptor; reason: string }) {
  const { i18n } = useLingui();
  const part = i18n._(name);
  return (
    <p>
      <Trans>
        {part} hit a problem: {reason}. Your jobs are saved.
      </Trans>
    </p>
  );
}
