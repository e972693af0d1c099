import type { ReactNode } from 'react';

/** A short note in a coloured box; the colour only repeats the words. */
export function Callout({ children, tone = 'info', id }: { children: ReactNode; tone?: 'info' | 'warning'; id?: string }) {
  return (
    <div className={`callout callout-${tone}`} id={id}>
      {children}
    </div>
  );
}
