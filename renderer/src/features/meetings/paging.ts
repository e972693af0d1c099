import { useRef, useState } from 'react';

/** Rows per page: long lists are paged, so a scheme of thousands of pairs stays quick to show and to read. */
export const PAGE = 100;

/** A section's heading takes focus after paging, so the keyboard is never left on a button that became disabled. */
export function useSectionPaging() {
  const heading = useRef<HTMLHeadingElement>(null);
  const [offset, setOffset] = useState(0);
  const page = (next: number) => {
    setOffset(next);
    requestAnimationFrame(() => heading.current?.focus());
  };
  return { heading, offset, page };
}
