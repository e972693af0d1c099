import { useCallback, useEffect, useState } from 'react';

/**
 * Moves keyboard focus after the next render to the first of the given elements that exists and is
 * enabled: used when the pressed control disappears or moves (a row removed or reordered, a meeting
 * marked held loses its "Mark held" button, a form closes).
 * Elements are found by `data-focus-id`, else by id (or by a CSS selector starting with . # or [).
 * Rows that shift (dynamic lists) use `data-focus-id`: React Aria keeps a button's first id, so an
 * id that follows the row index goes stale.
 */
export function useFocusLater() {
  const [request, setRequest] = useState<readonly string[]>();
  useEffect(() => {
    if (!request) return;
    for (const target of request) {
      const element = /^[.#[]/.test(target)
        ? document.querySelector<HTMLElement>(target)
        : (document.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(target)}"]`) ?? document.getElementById(target));
      if (element && !element.hasAttribute('disabled')) {
        element.focus();
        break;
      }
    }
    setRequest(undefined);
  }, [request]);
  return useCallback((...targets: string[]) => setRequest(targets), []);
}

/**
 * Where focus goes once row `index` of `count` is removed from a form's list: the Remove button
 * that takes its place (or the new last one), found as `${prefix}${row}`, else `whenNone` once no
 * row is left (usually the Add button).
 */
export const afterRemovingRow = (prefix: string, index: number, count: number, whenNone: string) => (count > 1 ? `${prefix}${Math.min(index, count - 2)}` : whenNone);
