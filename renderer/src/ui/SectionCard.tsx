import type { ReactNode } from 'react';

/**
 * A titled card of a page, named by its heading, with its actions (an add button, say) beside the
 * title and an optional intro under it. `focusableHeading` lets in-page links move focus to the
 * heading (tabIndex -1: reachable by script, not an extra tab stop).
 */
export function SectionCard({
  headingId,
  title,
  intro,
  actions,
  focusableHeading = false,
  children,
}: {
  headingId: string;
  title: ReactNode;
  intro?: ReactNode;
  actions?: ReactNode;
  focusableHeading?: boolean;
  children: ReactNode;
}) {
  return (
    <section className="section-card" aria-labelledby={headingId}>
      <div className="section-card-header">
        <h2 id={headingId} tabIndex={focusableHeading ? -1 : undefined}>
          {title}
        </h2>
        {actions ? <div className="section-card-actions">{actions}</div> : null}
      </div>
      {intro ? <p className="section-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
