import type { ReactNode } from 'react';

/** A titled card of a page, named by its heading, with its actions (an add button, say) beside the title. */
export function SectionCard({ headingId, title, actions, children }: { headingId: string; title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="section-card" aria-labelledby={headingId}>
      <div className="section-card-header">
        <h2 id={headingId}>{title}</h2>
        {actions ? <div className="section-card-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
