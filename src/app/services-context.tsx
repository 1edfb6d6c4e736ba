import { createContext, useContext, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useLoad } from '../lazy/lazy-part';
import type { Services } from './services';

const ServicesContext = createContext<Services | null>(null);

/** Props of {@link ServicesProvider}. */
export interface ServicesProviderProps {
  services: Services;
  children: ReactNode;
}

/** Makes `services` available to the app's own components. */
export function ServicesProvider({ services, children }: ServicesProviderProps) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The tab's services; throws outside {@link ServicesProvider}. */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider is missing');
  return services;
}

/**
 * TanStack Query for what is inside, once its client has loaded (suspends until then): wrap the
 * lazily loaded views that query (History, Settings) in it, inside a `PartBoundary` (which also
 * says when the client's code could not load, and retries it).
 */
export function WithQueries({ children }: { children: ReactNode }) {
  const client = useLoad(useServices().queryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
