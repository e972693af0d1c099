import type { ReactNode } from 'react';
import { PageHeader } from '../../ui/Page';

/** A screen shown before the vault is open (create, recovery key, new passphrase): one card, headed by its title. */
export function GateScreen({ title, description, wide = false, children }: { title: string; description?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <main className="gate" id="main">
      <div className={wide ? 'gate-card gate-card-wide' : 'gate-card'}>
        <PageHeader title={title} description={description} />
        {children}
      </div>
    </main>
  );
}
