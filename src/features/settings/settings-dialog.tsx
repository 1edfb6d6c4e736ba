import { useState } from 'react';
import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { SelectField } from '../../components/ui/select-field';
import {
  setToken,
  updateSettings,
  useConfig,
  type ConfigStore,
  type StudioSettings,
  type Target,
} from '../../settings/config-store';
import type { Delivery } from '../../api/client-config';
import { MODES, type Mode } from '../../api/contract';
import { TokenFields } from './token-fields';
import { ConnectionTest } from './connection-test';
import { CallbackField, JobsAtOnceField, StallField } from './checked-fields';
import { LanguageField } from './language-field';
import { AdvancedGroup, SettingsGroup } from './settings-groups';

/** Props of {@link SettingsDialog}. */
export interface SettingsDialogProps {
  /** The tab's settings and token. */
  config: ConfigStore;
  onClose: () => void;
}

type Options<T extends string> = { value: T; label: MessageDescriptor }[];

const TARGETS: Options<Target> = [
  { value: 'local', label: msg`Local engine` },
  { value: 'acedata', label: msg`AceData` },
  { value: 'acedata-proxy', label: msg`AceData via studio pass-through` },
];

const DELIVERIES: Options<Delivery> = [
  { value: 'stream', label: msg`Stream` },
  { value: 'wait', label: msg`Wait` },
  { value: 'async', label: msg`Async` },
];

const MODE_OPTIONS = MODES.map((m) => ({ value: m, label: m }));

const MASK_FORMATS: Options<'jpeg' | 'png'> = [
  { value: 'jpeg', label: msg`JPEG (as the provider's guide)` },
  { value: 'png', label: msg`PNG (lossless)` },
];

/**
 * Settings in four groups: the connection (target, token and its test), generation defaults,
 * language and appearance, and the developer's fields under Advanced, closed until opened.
 */
export function SettingsDialog({ config, onClose }: SettingsDialogProps) {
  const { t, i18n } = useLingui();
  const options = <T extends string>(list: Options<T>) =>
    list.map((o) => ({ value: o.value, label: i18n._(o.label) }));
  const settings = useConfig(config, (s) => s.settings);
  const remember = useConfig(config, (s) => s.remember);
  const hasToken = useConfig(config, (s) => s.token.length > 0);
  const update = (patch: Partial<StudioSettings>) => updateSettings(config, patch);
  const [draft, setDraft] = useState('');
  const targetHint = (target: Target) =>
    target === 'local'
      ? t`Runs offline against the built-in engine; no account needed.`
      : target === 'acedata'
        ? t`Calls api.acedata.cloud directly from this browser with your token.`
        : t`Calls AceData through this studio server, for networks that block direct calls.`;

  return (
    <ModalDialog title={t`Settings`} onClose={onClose} className="settings-dialog">
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft) setToken(config, draft, remember);
          setDraft('');
        }}
      >
        <SettingsGroup title={t({ message: 'Connection', context: 'settings group' })}>
          <SelectField
            label={t`Target`}
            value={settings.target}
            options={options(TARGETS)}
            onChange={(value) => update({ target: value as Target })}
            hint={targetHint(settings.target)}
          />
          <TokenFields
            config={config}
            draft={draft}
            setDraft={setDraft}
            remember={remember}
            hasToken={hasToken}
          />
          <ConnectionTest config={config} />
        </SettingsGroup>

        <SettingsGroup title={t`Generation defaults`}>
          <SelectField
            label={t`Mode`}
            value={settings.mode}
            options={MODE_OPTIONS}
            onChange={(value) => update({ mode: value as Mode })}
          />
        </SettingsGroup>

        <SettingsGroup title={t`Language and appearance`}>
          <LanguageField />
        </SettingsGroup>

        <AdvancedGroup
          title={t`Advanced`}
          summary={t`Delivery, callback, mask format, jobs at once, timeouts`}
        >
          <SelectField
            label={t`Delivery`}
            value={settings.delivery}
            options={options(DELIVERIES)}
            onChange={(value) => update({ delivery: value as Delivery })}
          />
          <CallbackField config={config} />
          <SelectField
            label={t`Mask format`}
            value={settings.maskFormat}
            options={options(MASK_FORMATS)}
            onChange={(value) => update({ maskFormat: value as 'jpeg' | 'png' })}
          />
          <JobsAtOnceField config={config} />
          <StallField config={config} />
        </AdvancedGroup>
        <div className="row">
          <button type="submit" className="visually-hidden" tabIndex={-1}>
            <Trans>Save token</Trans>
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
