/**
 * Image links as a person reads them in a title: the host and the file name, never the query
 * string (a CDN's signed `?ex=…&hm=…` is noise, and long). Pure string work, shared by every
 * place that names a job.
 */

/** "cdn.example.com/cat.png" for `https://cdn.example.com/a/b/cat.png?ex=1&hm=2`. */
export function shortImageName(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
  const file = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
  let name = file;
  try {
    name = decodeURIComponent(file);
  } catch {
    // A malformed escape: the file name as written.
  }
  return name ? `${parsed.host}/${name}` : parsed.host;
}
