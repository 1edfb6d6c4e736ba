import { Trans, useLingui } from '@lingui/react/macro';
import { forgetToken, setToken, type ConfigStore } from '../../settings/config-store';

/** Props of {@link TokenFields}. */
export interface TokenFieldsProps {
  config: ConfigStore;
  /** The token being typed (never the saved one, which is not shown). */
  draft: string;
  setDraft: (draft: string) => void;
  remember: boolean;
  hasToken: boolean;
}

/** The API token: type to replace, remember or not, forget; says where it is kept. */
export function TokenFields({ config, draft, setDraft, remember, hasToken }: TokenFieldsProps) {
  const { t } = useLingui();
  return (
    <>
      <label className="field">
        <span>
          <Trans>API token</Trans>
        </span>
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            hasToken ? t`A token is set — type to replace it` : t`Paste your AceData token`
          }
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft) {
              setToken(config, draft, remember);
              setDraft('');
            }
          }}
        />
      </label>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setToken(config, draft || config.getState().token, e.target.checked)}
          />
          <Trans>Remember on this device</Trans>
        </label>
        <button
          type="button"
          className="ghost"
          disabled={!hasToken}
          onClick={() => forgetToken(config)}
        >
          <Trans>Forget token</Trans>
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {hasToken
          ? remember
            ? t`Token saved on this device.`
            : t`Token kept for this browser session only.`
          : t`No token set.`}
      </p>
    </>
  );
}
