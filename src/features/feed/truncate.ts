/** `text` cut to `n` characters with an ellipsis (a provenance link stays one line). */
export function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
