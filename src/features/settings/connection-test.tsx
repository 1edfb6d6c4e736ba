import { useMutation } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { useConfig, type ConfigStore } from '../../settings/config-store';
import { testConnection } from './test-connection';

/**
 * "Test connection" and its answer. The answer is about the target and token it tested: once
 * either changes (a token saved, forgotten, another target) it no longer applies and is hidden,
 * so "AceData needs a token: paste it above first." does not outlive the pasting.
 */
export function ConnectionTest({ config }: { config: ConfigStore }) {
  const { t } = useLingui();
  const target = useConfig(config, (s) => s.settings.target);
  const token = useConfig(config, (s) => fingerprint(s.token));
  const test = useMutation({
    mutationFn: (_tested: { target: string; token: string }) => testConnection(config.getState()),
  });
  const current = test.variables?.target === target && test.variables.token === token;
  const answer = current ? test.data : undefined;
  return (
    <>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => test.mutate({ target, token })}
          disabled={test.isPending}
        >
          <Trans>Test connection</Trans>
        </button>
      </div>
      <p role="status" className={`connection ${answer?.ok === false ? 'bad' : 'good'}`}>
        {test.isPending ? t`Testing…` : (answer?.message ?? '')}
      </p>
    </>
  );
}

/** Tells tokens apart without keeping one in the mutation cache (FNV-1a, 32 bits). */
function fingerprint(token: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return `${token.length}:${(h >>> 0).toString(16)}`;
}
