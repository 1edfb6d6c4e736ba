import { createContext, useContext } from 'react';
import type { KindEntry } from './kind-entry';
import type { ToolServices } from './tool-services';

/** The endpoints whose tools are offered, and the studio they ask things of. */
export interface ToolsValue {
  entries: readonly KindEntry[];
  services: ToolServices;
}

/** `app/` provides it; without it no tool is shown. */
export const ToolsContext = createContext<ToolsValue | null>(null);

/** The tools' endpoints and services, or null when the app does not offer tools. */
export function useTools(): ToolsValue | null {
  return useContext(ToolsContext);
}
