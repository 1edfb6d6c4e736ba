import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { SelectField } from '../../components/ui/select-field';
import {
  setToken,
  updateSettings,
  useConfig,
  type ConfigStore,
  type StudioSettings,
  type Target,
} from '../../jobs/config-store';
import type { Delivery } from '../../api/client';
import { MODES, type Mode } from '../../api/contract';
import { testConnection } from './test-connection';
import { TokenFields } from './token-fields';

/** Props of {@link SettingsDialog}. */
export interface SettingsDialogProps {
  /** The tab's settings and token. */
  config: ConfigStore;
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
export function SettingsDialog({ config, onClose }: SettingsDialogProps) {
  const settings = useConfig(config, (s) => s.settings);
  const remember = useConfig(config, (s) => s.remember);
  const hasToken = useConfig(config, (s) => s.token.length > 0);
  const update = (patch: Partial<StudioSettings>) => updateSettings(config, patch);
  const [draft, setDraft] = useState('');
  const test = useMutation({ mutationFn: () => testConnection(config.getState()) });

  return (
    <ModalDialog title="Settings" onClose={onClose} className="settings-dialog">
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft) setToken(config, draft, remember);
          setDraft('');
        }}
      >
        <SelectField
          label="Target"
          value={settings.target}
          options={TARGETS}
          onChange={(value) => {
            update({ target: value as Target });
            test.reset();
          }}
          hint={
            settings.target === 'local'
              ? 'Runs offline against the built-in engine; no account needed.'
              : settings.target === 'acedata'
                ? 'Calls api.acedata.cloud directly from this browser with your token.'
                : 'Calls AceData through this studio server, for networks that block direct calls.'
          }
        />

        <TokenFields
          config={config}
          draft={draft}
          setDraft={setDraft}
          remember={remember}
          hasToken={hasToken}
        />

        <SelectField
          label="Delivery"
          value={settings.delivery}
          options={DELIVERIES}
          onChange={(value) => update({ delivery: value as Delivery })}
        />
        <SelectField
          label="Mode"
          value={settings.mode}
          options={MODE_OPTIONS}
          onChange={(value) => update({ mode: value as Mode })}
        />
        <label className="field">
          <span>Callback URL</span>
          <input
            type="url"
            placeholder="Optional, for Async: https://example.com/hook"
            value={settings.callbackUrl}
            onChange={(e) => update({ callbackUrl: e.target.value })}
          />
        </label>
        <SelectField
          label="Mask format"
          value={settings.maskFormat}
          options={MASK_FORMATS}
          onChange={(value) => update({ maskFormat: value as 'jpeg' | 'png' })}
        />

        <label className="field">
          <span>Stalled after (seconds without news)</span>
          <input
            type="number"
            min={2}
            max={3600}
            value={settings.stallAfterSeconds}
            onChange={(e) => {
              const seconds = Number(e.target.value);
              if (Number.isFinite(seconds) && seconds >= 2) update({ stallAfterSeconds: seconds });
            }}
          />
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
