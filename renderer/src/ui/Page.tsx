import { useEffect, useRef, type ReactNode } from 'react';

/** A screen's heading and actions. The heading takes focus on arrival so screen-reader and keyboard users know where they are. */
export function PageHeader({ title, description, actions, takeFocus = true }: { title: string; description?: ReactNode; actions?: ReactNode; takeFocus?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [title, takeFocus]);
  return (
    <header className="page-header">
      <div>
        <h1 ref={heading} tabIndex={-1} className="page-title">
          {title}
        </h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <p>{children}</p>
      {action}
    </section>
  );
}

export function ErrorMessage({ error }: { error: Error | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error-banner">
      {error.message}
    </p>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
