import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A link to another screen that looks like a button (it goes somewhere rather than doing something). */
export function LinkButton({ to, variant = 'secondary', children, ...aria }: { to: string; variant?: 'primary' | 'secondary' | 'quiet'; children: ReactNode; 'aria-label'?: string }) {
  return (
    <Link className={`button button-${variant} link-button`} to={to} {...aria}>
      {children}
    </Link>
  );
}
