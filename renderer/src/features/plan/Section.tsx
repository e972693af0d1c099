import type { ReactNode } from 'react';

export const headingId = (sectionId: string) => `${sectionId}-heading`;

/** One section of a long page: an h2 that in-page links can focus, an optional intro and actions. */
export function Section({ id, title, intro, actions, children }: { id: string; title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="section-card" aria-labelledby={headingId(id)}>
      <div className="section-card-header">
        <h2 id={headingId(id)} tabIndex={-1}>
          {title}
        </h2>
        {actions ? <div className="section-card-actions">{actions}</div> : null}
      </div>
      {intro ? <p className="section-intro">{intro}</p> : null}
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
