import { useCallback, useState } from 'react';

/** The gallery's chosen jobs: toggled one by one, all of `shown` at once, or dropped after a delete. */
export function useSelection(shown: readonly string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  const toggle = useCallback((id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const selectAll = (select: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of shown) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const drop = (ids: readonly string[]) =>
    setSelected((prev) => new Set([...prev].filter((id) => !ids.includes(id))));

  return { selected, toggle, selectAll, drop };
}
