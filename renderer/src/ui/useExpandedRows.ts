import { useCallback, useState } from 'react';

/** Which rows of a table show their details (a pair's score breakdown), by row key. */
export function useExpandedRows() {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (key: string) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  return { isExpanded: (key: string) => expanded.has(key), toggle };
}
