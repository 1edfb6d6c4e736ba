/**
 * File names for downloaded images and history exports, made from the prompt. Pure, so it is
 * tested in Node; the feed's Download button and the history's bulk download name files alike.
 */

const MIME_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

/** The file extension of an image (or clip): from its type when known, else its URL, else png. */
export function imageExtension(url: string, mimeType = ''): string {
  const byType = MIME_EXTENSIONS[mimeType.split(';')[0]!.trim().toLowerCase()];
  if (byType) return byType;
  const path = url.split(/[?#]/)[0] ?? '';
  const ext = /\.(png|jpe?g|webp|gif|mp4|webm)$/i.exec(path)?.[1]?.toLowerCase();
  return ext === 'jpeg' ? 'jpg' : (ext ?? 'png');
}

/**
 * A file-system-safe stem from a prompt: image URLs and `--params` dropped, accents stripped,
 * words joined by dashes, at most 60 characters; "imagine" when nothing is left.
 */
export function promptStem(prompt: string): string {
  const stem = prompt
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ')
    .replace(/(^|\s)--\S+(\s+[^\s-]\S*)?/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem || 'imagine';
}

/** The file name of an image: the prompt's stem and the image's extension (`a-red-fox.webp`). */
export function imageFileName(prompt: string, url: string, mimeType?: string): string {
  return `${promptStem(prompt)}.${imageExtension(url, mimeType)}`;
}

/** A namer for one batch: a repeated name gets `-2`, `-3`… before its extension. */
export function createNamer(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; used.has(candidate); n += 1) candidate = `${stem}-${n}${ext}`;
    used.add(candidate);
    return candidate;
  };
}

/** Makes every name in a batch unique (see `createNamer`). */
export function uniqueNames(names: readonly string[]): string[] {
  return names.map(createNamer());
}

/** The name of a history export made at `at`: `imagine-studio-history-2025-03-07.json`. */
export function exportFileName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `imagine-studio-history-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.json`;
}
