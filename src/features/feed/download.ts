/** A file name from a prompt: its words, safe for every file system, with the image's extension. */
export function fileNameFor(prompt: string, url: string): string {
  const words = prompt
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/--\S+(\s+[^-\s]\S*)?/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const ext = /\.(png|jpe?g|webp|gif)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? 'png';
  return `${words || 'imagine'}.${ext}`;
}

/**
 * Save the raw image under a name from the prompt. Fetches it as a blob so the name sticks even
 * cross-origin; when the host forbids that, falls back to opening the image for a manual save.
 */
export async function downloadImage(url: string, prompt: string): Promise<void> {
  const name = fileNameFor(prompt, url);
  let href = url;
  let revoke = false;
  try {
    const res = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!res.ok)
      throw new Error(`The image host answered HTTP ${res.status}; the link may have expired.`);
    href = URL.createObjectURL(await res.blob());
    revoke = true;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('The image host')) throw error;
    // CORS forbids reading the bytes: let the browser open it instead.
  }
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  if (revoke) setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
