import { QueryClient } from '@tanstack/react-query';

/** The studio's query client (loaded on first use; see `Services.queryClient`). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
  });
}
