import { useRef, useState } from 'react';

/**
 * The offset of a paged list, back to the first page whenever what is listed changes (a filter, a
 * search). After paging, the list's heading takes focus, so the keyboard is never left on a button
 * that became disabled.
 */
export function useListPaging(resetWhen: readonly unknown[]) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [offset, setOffset] = useState(0);
  const key = JSON.stringify(resetWhen);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setOffset(0);
  }
  const page = (next: number) => {
    setOffset(next);
    requestAnimationFrame(() => heading.current?.focus());
  };
  return { heading, offset: key === lastKey ? offset : 0, page };
}
