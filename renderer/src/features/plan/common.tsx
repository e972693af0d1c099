import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { useChannel } from '../../queries';

/** Today as YYYY-MM-DD, in the given IANA time zone when there is one, else this laptop's. */
export function todayIso(now = new Date(), timeZone?: string): string {
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    } catch {
      // An unknown zone: fall back to the laptop's own.
    }
  }
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Today as the main process sees it: it dates milestones (late, due soon) in the vault's time-zone
 * setting when it has one, so the "today" rule and default dates follow the same calendar.
 */
export function useToday(): string {
  const settings = useChannel('settings.get', {});
  const timeZone = (settings.data as { timeZone?: unknown } | undefined)?.timeZone;
  return todayIso(new Date(), typeof timeZone === 'string' ? timeZone : undefined);
}

/** Whole days from one ISO date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Parse options for zodResolver: an empty number box (NaN) says "Enter a number" instead of zod's
 * type message; every other message is the shared schema's own.
 */
export const numberFieldMessages: { error: z.core.$ZodErrorMap } = {
  error: (issue) => (issue.code === 'invalid_type' && issue.expected === 'number' ? 'Enter a number' : undefined),
};

/**
 * Moves keyboard focus after the next render to the first of the given elements that exists and is
 * enabled: used when the pressed control disappears or moves (reorder, delete, closing a form).
 * Elements are found by `data-focus-id`, else by id (or by a CSS selector starting with . # or [). Rows that shift (dynamic lists) use
 * `data-focus-id`: React Aria keeps a button's first id, so an id that follows the row index goes stale.
 */
export function useFocusAfterRender() {
  const [request, setRequest] = useState<readonly string[]>();
  useEffect(() => {
    if (!request) return;
    for (const id of request) {
      const element = /^[.#[]/.test(id)
        ? document.querySelector<HTMLElement>(id)
        : (document.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(id)}"]`) ?? document.getElementById(id));
      if (element && !element.hasAttribute('disabled')) {
        element.focus();
        break;
      }
    }
    setRequest(undefined);
  }, [request]);
  return useCallback((...ids: string[]) => setRequest(ids), []);
}

export const headingId = (sectionId: string) => `${sectionId}-heading`;

/** One section of a long page: an h2 that in-page links can focus, an optional intro and actions. */
export function Section({ id, title, intro, actions, children }: { id: string; title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="plan-section" aria-labelledby={headingId(id)}>
      <div className="plan-section-header">
        <h2 id={headingId(id)} tabIndex={-1}>
          {title}
        </h2>
        {actions ? <div className="plan-section-actions">{actions}</div> : null}
      </div>
      {intro ? <p className="plan-section-intro">{intro}</p> : null}
      {children}
    </section>
  );
}

/** Scrolls to and focuses a section's heading (hash links would be taken by the hash router). */
export function focusSection(sectionId: string) {
  const heading = document.getElementById(headingId(sectionId));
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="error-banner">
      {message}
    </p>
  ) : null;
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
