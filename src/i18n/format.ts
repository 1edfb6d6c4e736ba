/**
 * Dates, numbers and sizes in the active language's conventions (`Intl`), so that a Chinese
 * studio writes "2026/11/30 14:05" and "1.2 MB" the way Chinese readers expect.
 */
import { i18n } from '@lingui/core';

function locale(): string {
  return i18n.locale || 'en';
}

/** A date and time, e.g. "Nov 30, 2026, 2:05 PM" / "2026年11月30日 14:05". */
export function formatDateTime(
  value: number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return new Intl.DateTimeFormat(locale(), options).format(value);
}

/** A date without time. */
export function formatDate(value: number | Date): string {
  return formatDateTime(value, { dateStyle: 'medium' });
}

/** A time of day. */
export function formatTime(value: number | Date): string {
  return formatDateTime(value, { timeStyle: 'short' });
}

/** A number with the language's grouping and decimal marks. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(value);
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size in decimal units (1 kB = 1000 bytes), e.g. "1.2 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return formatNumber(value, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  });
}
