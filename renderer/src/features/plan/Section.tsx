import type { ReactNode } from 'react';
import { SectionCard } from '../../ui/SectionCard';

export const headingId = (sectionId: string) => `${sectionId}-heading`;

/** One section of the plan: a card whose heading in-page links can focus, with an optional intro and actions. */
export function Section({ id, title, intro, actions, children }: { id: string; title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <SectionCard headingId={headingId(id)} title={title} intro={intro} actions={actions} focusableHeading>
      {children}
    </SectionCard>
  );
}

/** Scrolls to and focuses a section's heading (hash links would be taken by the hash router). */
export function focusSection(sectionId: string) {
  const heading = document.getElementById(headingId(sectionId));
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}
