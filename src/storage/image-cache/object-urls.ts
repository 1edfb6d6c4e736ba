/**
 * One object URL per kept blob (keyed `url` for the picture, `thumb:url` for its thumbnail), so a
 * picture shown in many places is one URL, revoked when the picture goes.
 */

/** The object URLs of one tab's cache. */
export interface ObjectUrls {
  /** The object URL made for `key`, if any. */
  get(key: string): string | undefined;
  /** The object URL of `key`, made from `blob` the first time. */
  of(key: string, blob: Blob): string;
  /** Revokes the URLs of pictures (and their thumbnails) that are gone. */
  forget(urls: string[]): void;
  /** Revokes every URL (the tab closes). */
  revokeAll(): void;
}

/** An empty set of object URLs. */
export function createObjectUrls(): ObjectUrls {
  const made = new Map<string, string>();
  const forgetKey = (key: string) => {
    const known = made.get(key);
    if (known) URL.revokeObjectURL(known);
    made.delete(key);
  };
  return {
    get: (key) => made.get(key),
    of(key, blob) {
      const known = made.get(key);
      if (known) return known;
      const url = URL.createObjectURL(blob);
      made.set(key, url);
      return url;
    },
    forget(urls) {
      for (const url of urls) {
        forgetKey(url);
        forgetKey(`thumb:${url}`);
      }
    },
    revokeAll() {
      for (const url of made.values()) URL.revokeObjectURL(url);
      made.clear();
    },
  };
}
