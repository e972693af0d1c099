import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../shared/contract';
import { queryNamespaces } from '../../shared/contract/define';
import { handlers } from '../../electron/core/registry/handlers';

/** What the window refreshes after each write comes from the contract alone, so every write must say it. */
describe('what each channel invalidates (shared/contract)', () => {
  // A channel still without a handler counts as a write: it must say what it invalidates too.
  const kindOf = (name: (typeof channels)[number]) => (handlers[name] as (typeof handlers)[typeof name] | undefined)?.kind ?? 'not handled yet';
  // An audited query appends to the audit trail, which every command's refresh includes anyway; to the window it is a read.
  const isRead = (name: (typeof channels)[number]) => kindOf(name) === 'query' || kindOf(name) === 'audited-query';

  it('is declared by every command and action', () => {
    const undeclared = channels.filter((name) => !isRead(name) && contract[name].invalidates === undefined);
    expect(undeclared).toEqual([]);
  });

  it('is never declared by a query: reading makes nothing stale', () => {
    const declared = channels.filter((name) => isRead(name) && contract[name].invalidates !== undefined);
    expect(declared).toEqual([]);
  });

  it('names only namespaces that have queries, each once', () => {
    const read = new Set(channels.filter((name) => isRead(name) || name === 'vault.status').map((name) => name.split('.')[0]));
    expect([...queryNamespaces].sort()).toEqual([...read].sort());
    for (const name of channels) {
      const listed = contract[name].invalidates ?? [];
      expect(new Set(listed).size, name).toBe(listed.length);
    }
  });

  it('covers the writes whose effects other screens show', () => {
    // Spot checks of the rules the screens rely on: confirming pairs schedules meetings, ending a pair
    // cancels them and stops owed logs, a withdrawal does the same.
    expect(contract['matching.confirm'].invalidates).toEqual(expect.arrayContaining(['pairs', 'participants', 'meetings']));
    expect(contract['pairs.unpair'].invalidates).toEqual(expect.arrayContaining(['pairs', 'meetings', 'logs']));
    expect(contract['participants.transition'].invalidates).toEqual(expect.arrayContaining(['participants', 'pairs', 'meetings', 'logs']));
    expect(contract['logs.submit'].invalidates).toEqual(expect.arrayContaining(['logs', 'meetings']));
  });
});
