/** Dates and times in the language's own format (en "11/30/2026", zh-CN "2026/11/30"). */

/** A day, as a tile shows when its job was made. */
export function formatDate(date: Date, locale: string): string {
  return date.toLocaleDateString(locale);
}

/** A day and a time of day, as the lineage panel shows it. */
export function formatDateTime(date: Date, locale: string): string {
  return date.toLocaleString(locale);
}
