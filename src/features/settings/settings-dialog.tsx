import { useState } from 'react';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { SelectField } from '../../components/ui/select-field';
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
import { ConnectionTest } from './connection-test';
import { CallbackField, StallField } from './checked-fields';

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

const MODE_OPTIONS = MODES.map((m) => ({ value: m, label: m }));

const MASK_FORMATS: { value: 'jpeg' | 'png'; label: string }[] = [
  { value: 'jpeg', label: "JPEG (as the provider's guide)" },
  { value: 'png', label: 'PNG (lossless)' },
];

/** Target, token, delivery and mode, with a connection test that answers in words. */
export function SettingsDialog({ onClose }: SettingsDialogProps) {
  const settings = useConfig((s) => s.settings);
  const remember = useConfig((s) => s.remember);
  const hasToken = useConfig((s) => s.token.length > 0);
  const [draft, setDraft] = useState('');

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
        <SelectField
          label="Target"
          value={settings.target}
          options={TARGETS}
          onChange={(value) => updateSettings({ target: value as Target })}
          hint={
            settings.target === 'local'
              ? 'Runs offline against the built-in engine; no account needed.'
              : settings.target === 'acedata'
                ? 'Calls api.acedata.cloud directly from this browser with your token.'
                : 'Calls AceData through this studio server, for networks that block direct calls.'
          }
        />

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

        <SelectField
          label="Delivery"
          value={settings.delivery}
          options={DELIVERIES}
          onChange={(value) => updateSettings({ delivery: value as Delivery })}
        />
        <SelectField
          label="Mode"
          value={settings.mode}
          options={MODE_OPTIONS}
          onChange={(value) => updateSettings({ mode: value as Mode })}
        />
        <CallbackField />
        <SelectField
          label="Mask format"
          value={settings.maskFormat}
          options={MASK_FORMATS}
          onChange={(value) => updateSettings({ maskFormat: value as 'jpeg' | 'png' })}
        />

        <StallField />
        <ConnectionTest />
        <div className="row">
          <button type="submit" className="visually-hidden" tabIndex={-1}>
            Save token
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
