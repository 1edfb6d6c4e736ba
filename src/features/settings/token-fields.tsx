import { forgetToken, setToken, type ConfigStore } from '../../jobs/config-store';

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
  return (
    <>
      <label className="field">
        <span>API token</span>
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            hasToken ? 'A token is set — type to replace it' : 'Paste your AceData token'
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
          Remember on this device
        </label>
        <button
          type="button"
          className="ghost"
          disabled={!hasToken}
          onClick={() => forgetToken(config)}
        >
          Forget token
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {hasToken
          ? remember
            ? 'Token saved on this device.'
            : 'Token kept for this browser session only.'
          : 'No token set.'}
      </p>
    </>
  );
}
