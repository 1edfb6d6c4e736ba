// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SelectField } from './select-field';

afterEach(cleanup);

const OPTIONS = [
  { value: 'stream', label: 'Stream' },
  { value: 'wait', label: 'Wait' },
  { value: '', label: 'Default' },
] as const;

describe('SelectField', () => {
  it('is named by its label and shows the options with the current value selected', () => {
    render(<SelectField label="Delivery" value="wait" options={OPTIONS} onChange={() => {}} />);
    const select = screen.getByRole('combobox', { name: 'Delivery' }) as HTMLSelectElement;
    expect(screen.getByLabelText('Delivery')).toBe(select);
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['stream', 'Stream'],
      ['wait', 'Wait'],
      ['', 'Default'],
    ]);
    expect(select.value).toBe('wait');
    expect(select.closest('label')?.className).toBe('field');
  });

  it('calls onChange with the chosen option value', () => {
    const onChange = vi.fn();
    render(<SelectField label="Mode" value="stream" options={OPTIONS} onChange={onChange} />);
    const select = screen.getByLabelText('Mode');
    fireEvent.change(select, { target: { value: '' } });
    fireEvent.change(select, { target: { value: 'wait' } });
    expect(onChange.mock.calls).toEqual([[''], ['wait']]);
  });

  it('adds extra classes and puts the hint outside the accessible name', () => {
    render(
      <SelectField
        label="Target"
        value="stream"
        options={OPTIONS}
        onChange={() => {}}
        className="wide"
        hint="Runs offline."
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Target' });
    expect(select.closest('label')?.className).toBe('field wide');
    expect(screen.getByText('Runs offline.').className).toBe('hint');
  });
});
