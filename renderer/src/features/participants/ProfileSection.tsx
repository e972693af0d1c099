import type { ReactNode } from 'react';

/** One section of a person's page: its heading names the region, an optional one-line summary under it. */
export function ProfileSection({ id, title, summary, children }: { id: string; title: string; summary?: string; children: ReactNode }) {
  return (
    <section className="panel pp-profile-section" aria-labelledby={`pp-${id}-heading`}>
      <h2 id={`pp-${id}-heading`}>{title}</h2>
      {summary ? <p className="pp-profile-summary">{summary}</p> : null}
      {children}
    </section>
  );
}
