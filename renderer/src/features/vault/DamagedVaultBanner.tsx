import type { DamagedVault } from '../../../../shared/vault/contract';

/**
 * Shown on every screen while the vault is open read-only because the check at unlock found
 * damage: what still works (reading, backing up), what does not (any change, any export), and what
 * to do. Not dismissible: every save would fail, and the coordinator must know why.
 */
export function DamagedVaultBanner({ damage }: { damage: DamagedVault }) {
  return (
    <section className="damaged-banner" role="alert" aria-label="The vault is damaged">
      <p className="damaged-banner-title">The vault is damaged, so it is open read-only.</p>
      <p>
        The check when it was unlocked found problems in its database. You can still read everything. Back it up now: copy the whole vault folder, <span className="vault-folder">{damage.folder}</span>, somewhere safe (nothing in
        it changes while it is open like this). Nothing can be changed or exported. Then restore the vault from your latest backup.
      </p>
      <details>
        <summary>What the check found</summary>
        <ul>
          {damage.problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
