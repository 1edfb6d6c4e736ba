/**
 * Component tests wait for what appears later (findBy…, waitFor) up to 5 s instead of Testing
 * Library's 1 s: a lazy chunk's first import can take seconds when two test workers share a
 * busy 2-core machine. A cap on waiting, not a speed target; nothing asserted changes.
 */
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
}

export {};
