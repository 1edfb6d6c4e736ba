/**
 * The studio's connection settings: where requests go, how they are delivered, and the token.
 * Settings persist in localStorage; the token lives in sessionStorage unless the person ticks
 * "Remember on this device", and is never part of the settings object (so it cannot leak into
 * history, exports or logs through it).
 */
import { i18n as activeI18n, type I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Mode } from '../api/contract';
import type { ClientConfig, Delivery } from '../api/client-config';
import { readStudioConfig } from '../api/runtime-config';

/** Where requests go. `acedata-proxy` = AceData through `npm start`'s same-origin pass-through. */
export type Target = 'local' | 'acedata' | 'acedata-proxy';

/** The persisted settings (no token here, ever). */
export interface StudioSettings {
  target: Target;
  delivery: Delivery;
  mode: Mode;
  callbackUrl: string;
  maskFormat: 'jpeg' | 'png';
  /**
   * Seconds without news before a job is checked and, if still silent, shown as stalled (never
   * before the service's own 480 s timeout).
   */
  stallAfterSeconds: number;
  /** Jobs sent or followed at once on one target; the rest wait in the queue. */
  jobsPerTarget: number;
}

export const DEFAULT_SETTINGS: StudioSettings = {
  target: 'local',
  delivery: 'stream',
  mode: 'fast',
  callbackUrl: '',
  maskFormat: 'jpeg',
  stallAfterSeconds: 60,
  jobsPerTarget: 3,
};

/** AceData's base URL: the default, or the one the studio's server names (`ACEDATA_BASE_URL`). */
export const ACEDATA_BASE_URL = readStudioConfig().acedataBaseUrl;

/** The local engine accepts any bearer token unless started with `--token`; this one stands in. */
export const LOCAL_PLACEHOLDER_TOKEN = 'local-engine';

const SETTINGS_KEY = 'imagine-studio.settings';
const TOKEN_KEY = 'imagine-studio.token';

/** Settings, the token, and whether the token is remembered on this device. */
export interface ConfigState {
  settings: StudioSettings;
  token: string;
  remember: boolean;
}

function safeStorage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return null;
  }
}

function loadState(): ConfigState {
  let settings = DEFAULT_SETTINGS;
  try {
    const raw = safeStorage('local')?.getItem(SETTINGS_KEY);
    if (raw) settings = { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<StudioSettings>) };
  } catch {
    // A damaged settings entry falls back to the defaults rather than breaking the studio.
  }
  const remembered = safeStorage('local')?.getItem(TOKEN_KEY) ?? '';
  const session = safeStorage('session')?.getItem(TOKEN_KEY) ?? '';
  return { settings, token: remembered || session, remember: Boolean(remembered) };
}

/** The settings' store; `app/` makes the one of the tab and hands it to who needs it. */
export type ConfigStore = StoreApi<ConfigState>;

/** A config store loaded from this browser's storage. */
export function createConfigStore(): ConfigStore {
  return createStore<ConfigState>(() => loadState());
}

/** Read settings (and whether a token is set) from a component. */
export function useConfig<T>(store: ConfigStore, selector: (s: ConfigState) => T): T {
  return useStore(store, selector);
}

/** Change some settings and persist them. */
export function updateSettings(store: ConfigStore, patch: Partial<StudioSettings>): void {
  const settings = { ...store.getState().settings, ...patch };
  store.setState({ settings });
  safeStorage('local')?.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

/** Set the token; `remember` keeps it in localStorage, otherwise only for this browser session. */
export function setToken(store: ConfigStore, token: string, remember: boolean): void {
  const trimmed = token.trim();
  safeStorage('local')?.removeItem(TOKEN_KEY);
  safeStorage('session')?.removeItem(TOKEN_KEY);
  if (trimmed) safeStorage(remember ? 'local' : 'session')?.setItem(TOKEN_KEY, trimmed);
  store.setState({ token: trimmed, remember });
}

/** Remove the token from every storage. */
export function forgetToken(store: ConfigStore): void {
  setToken(store, '', false);
}

/** Base URL for a target: the local engine and the pass-through are same-origin. */
export function baseUrlFor(target: Target): string {
  if (target === 'acedata') return ACEDATA_BASE_URL;
  if (target === 'acedata-proxy') return '/acedata';
  return '';
}

/** The client configuration for the current settings and token. */
export function clientConfig(state: ConfigState): ClientConfig {
  const { target } = state.settings;
  const token = state.token || (target === 'local' ? LOCAL_PLACEHOLDER_TOKEN : '');
  return { baseUrl: baseUrlFor(target), ...(token ? { token } : {}) };
}

/** A human name for a target, for the header badge. */
export function targetLabel(target: Target, i18n: I18n = activeI18n): string {
  if (target === 'acedata') return 'AceData';
  if (target === 'acedata-proxy') return i18n._(msg`AceData (via studio)`);
  return i18n._(msg`Local engine`);
}
