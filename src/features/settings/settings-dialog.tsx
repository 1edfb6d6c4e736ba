import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ModalDialog } from '../../components/ui/modal-dialog';
import {
  configStore,
  forgetToken,
  setToken,
  updateSettings,
  useConfig,
  type Target,
} from '../../jobs/config-store';
import type { Delivery } from '../../api/client';
import { MODES, type Mode } from '../../api/contract';
import { testConnection } from './test-connection';

/** Props of {@link SettingsDialog}. */
export interface SettingsDialogProps {
  onClose: () => void;
}

const TARGETS: { value: Target; label: string }[] = [
  { value: 'local', label: 'Local engine' },
  { value: 'acedata', label: 'AceData' },
  { value: 'acedata-proxy', label: 'AceData via studio pass-through' },
];

const DELIVERIES: { value: Delivery; label: string }[] = [
  { value: 'stream', label: 'Stream' },
  { value: 'wait', label: 'Wait' },
  { value: 'async', label: 'Async' },
];

/** Target, token, delivery and mode, with a connection test that answers in words. */
export function SettingsDialog({ onClose }: SettingsDialogProps) {
  const settings = useConfig((s) => s.settings);
  const remember = useConfig((s) => s.remember);
  const hasToken = useConfig((s) => s.token.length > 0);
  const [draft, setDraft] = useState('');
  const test = useMutation({ mutationFn: () => testConnection(configStore.getState()) });

  return (
    <ModalDialog title="Settings" onClose={onClose} className="settings-dialog">
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft) setToken(draft, remember);
          setDraft('');
        }}
      >
        <label className="field">
          <span>Target</span>
          <select
            value={settings.target}
            onChange={(e) => {
              updateSettings({ target: e.target.value as Target });
              test.reset();
            }}
          >
            {TARGETS.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">
          {settings.target === 'local'
            ? 'Runs offline against the built-in engine; no account needed.'
            : settings.target === 'acedata'
              ? 'Calls api.acedata.cloud directly from this browser with your token.'
              : 'Calls AceData through this studio server, for networks that block direct calls.'}
        </p>

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
                setToken(draft, remember);
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
              onChange={(e) => setToken(draft || configStore.getState().token, e.target.checked)}
            />
            Remember on this device
          </label>
          <button
            type="button"
            className="ghost"
            disabled={!hasToken}
            onClick={() => forgetToken()}
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

        <label className="field">
          <span>Delivery</span>
          <select
            value={settings.delivery}
            onChange={(e) => updateSettings({ delivery: e.target.value as Delivery })}
          >
            {DELIVERIES.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Mode</span>
          <select
            value={settings.mode}
            onChange={(e) => updateSettings({ mode: e.target.value as Mode })}
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Callback URL</span>
          <input
            type="url"
            placeholder="Optional, for Async: https://example.com/hook"
            value={settings.callbackUrl}
            onChange={(e) => updateSettings({ callbackUrl: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Mask format</span>
          <select
            value={settings.maskFormat}
            onChange={(e) => updateSettings({ maskFormat: e.target.value as 'jpeg' | 'png' })}
          >
            <option value="jpeg">JPEG (as the provider's guide)</option>
            <option value="png">PNG (lossless)</option>
          </select>
        </label>

        <div className="row">
          <button
            type="button"
            className="primary"
            onClick={() => test.mutate()}
            disabled={test.isPending}
          >
            Test connection
          </button>
          <button type="submit" className="visually-hidden" tabIndex={-1}>
            Save token
          </button>
        </div>
        <p role="status" className={`connection ${test.data?.ok === false ? 'bad' : 'good'}`}>
          {test.isPending ? 'Testing…' : (test.data?.message ?? '')}
        </p>
      </form>
    </ModalDialog>
  );
}
