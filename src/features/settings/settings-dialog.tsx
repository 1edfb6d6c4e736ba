import { useState } from 'react';
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
import { TokenFields } from './token-fields';
import { ConnectionTest } from './connection-test';
import { CallbackField, StallField } from './checked-fields';

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
          onChange={(value) => update({ target: value as Target })}
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
        <CallbackField config={config} />
        <SelectField
          label="Mask format"
          value={settings.maskFormat}
          options={MASK_FORMATS}
          onChange={(value) => update({ maskFormat: value as 'jpeg' | 'png' })}
        />

        <StallField config={config} />
        <ConnectionTest config={config} />
        <div className="row">
          <button type="submit" className="visually-hidden" tabIndex={-1}>
            Save token
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
