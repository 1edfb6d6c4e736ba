import { useId } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { readControls, writeControl, type PromptControls } from '../../prompt/compose';
import { SelectField } from '../../components/ui/select-field';
import { PARAM_RANGES } from '../../api/param-ranges';
import { NumberField } from './number-field';
import { useDraftStore } from './draft-store';

const RATIOS = ['1:1', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '21:9'];
const VERSIONS = [
  { value: '7', label: 'v7' },
  { value: '6.1', label: 'v6.1' },
  { value: '6', label: 'v6' },
  { value: '5.2', label: 'v5.2' },
  { value: 'niji 6', label: 'niji 6' },
  { value: 'niji 5', label: 'niji 5' },
];
const QUALITIES = ['', '.25', '.5', '1', '2', '4'];

/** Props of {@link ParametersPanel}. */
export interface ParametersPanelProps {
  /** The Prompt box's text, where the `--params` live (the references are kept beside it). */
  prompt: string;
}

/**
 * Controls that write `--params` into the prompt and read them back from it, so typing
 * `--ar 3:2` by hand moves the control and moving the control edits the text.
 */
export function ParametersPanel({ prompt }: ParametersPanelProps) {
  const { t } = useLingui();
  const draft = useDraftStore();
  const c = readControls(prompt);
  // "Custom…" stands for a ratio typed by hand: choosing it writes nothing until one is typed.
  const ratioOptions = [
    ...RATIOS.map((r) => ({ value: r, label: r })),
    { value: 'custom', label: t`Custom…` },
  ];
  const versions = [{ value: '', label: t`Default` }, ...VERSIONS];
  const qualities = QUALITIES.map((q) => ({ value: q, label: q || t`Default` }));
  const id = useId();
  const set = <K extends keyof PromptControls>(key: K, value: PromptControls[K]) =>
    draft.setState({ text: writeControl(prompt, key, value) });
  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const custom = !RATIOS.includes(c.ar);

  return (
    <div className="params-grid">
      <SelectField
        label={t`Aspect ratio`}
        value={custom ? 'custom' : c.ar}
        options={ratioOptions}
        onChange={(value) => {
          if (value !== 'custom') set('ar', value);
        }}
      />
      <label className="field">
        <span>
          <Trans>Custom ratio (W:H)</Trans>
        </span>
        <input
          type="text"
          inputMode="numeric"
          placeholder={t`e.g. 5:4`}
          value={custom ? c.ar : ''}
          onChange={(e) => set('ar', e.target.value.trim() || '1:1')}
        />
      </label>
      <SelectField
        label={t`Version`}
        value={c.version}
        options={versions}
        onChange={(value) => set('version', value)}
      />
      <NumberField
        label={t`Stylize`}
        range={PARAM_RANGES.s}
        value={c.stylize}
        onChange={(v) => set('stylize', num(v))}
      />
      <NumberField
        label={t`Chaos`}
        range={PARAM_RANGES.c}
        value={c.chaos}
        onChange={(v) => set('chaos', num(v))}
      />
      <NumberField
        label={t`Weird`}
        range={PARAM_RANGES.w}
        value={c.weird}
        onChange={(v) => set('weird', num(v))}
      />
      <SelectField
        label={t`Quality`}
        value={c.quality ?? ''}
        options={qualities}
        onChange={(value) => set('quality', value || null)}
      />
      <NumberField
        label={t`Seed`}
        range={PARAM_RANGES.seed}
        value={c.seed}
        onChange={(v) => set('seed', num(v))}
      />
      <label className="field wide" htmlFor={`${id}-no`}>
        <span>
          <Trans>No — leave out (--no)</Trans>
        </span>
        <input
          id={`${id}-no`}
          type="text"
          placeholder={t`text, blur`}
          value={c.no}
          onChange={(e) => set('no', e.target.value)}
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={c.tile} onChange={(e) => set('tile', e.target.checked)} />
        <Trans>Tile</Trans>
      </label>
      <label className="check">
        <input type="checkbox" checked={c.raw} onChange={(e) => set('raw', e.target.checked)} />
        <Trans>Style raw</Trans>
      </label>
    </div>
  );
}
