import type { Migration } from './index';

/**
 * - A person's consent can also be "declined" (their latest form does not agree to take part). The
 *   CHECK on consent_state cannot be altered in place, so the column is replaced (add, copy, drop,
 *   rename), which keeps every foreign key pointing at participants untouched.
 * - Categories that people have but the plan lost (removed from the eligibility list before that
 *   was refused) go back on the list, so those people's records can be saved again.
 */
export const recruitmentFixes: Migration = {
  version: 7,
  name: 'declined consent; eligibility categories people still have',
  up(db) {
    db.exec(`
      ALTER TABLE participants ADD COLUMN consent_state_new TEXT NOT NULL DEFAULT 'none'
        CHECK (consent_state_new IN ('none', 'given', 'declined', 'withdrawn'));
      UPDATE participants SET consent_state_new = coalesce((
        SELECT CASE WHEN c.withdrawn_on IS NOT NULL THEN 'withdrawn' WHEN c.take_part = 0 THEN 'declined' ELSE 'given' END
        FROM consent_records c WHERE c.participant_id = participants.id ORDER BY c.given_on DESC, c.id DESC LIMIT 1), 'none');
      ALTER TABLE participants DROP COLUMN consent_state;
      ALTER TABLE participants RENAME COLUMN consent_state_new TO consent_state;
    `);

    const plans = db.prepare('SELECT pilot_id, eligibility FROM plan_settings').all() as { pilot_id: number; eligibility: string }[];
    const held = db.prepare('SELECT c.value AS category FROM participants p, json_each(p.characteristics) c WHERE p.pilot_id = ? ORDER BY p.id, c.key');
    const save = db.prepare('UPDATE plan_settings SET eligibility = ? WHERE pilot_id = ?');
    for (const plan of plans) {
      const list = JSON.parse(plan.eligibility) as string[];
      const known = new Set(list.map((c) => c.toLowerCase()));
      const missing: string[] = [];
      for (const { category } of held.all(plan.pilot_id) as { category: string }[]) {
        if (known.has(category.toLowerCase())) continue;
        known.add(category.toLowerCase());
        missing.push(category);
      }
      if (missing.length > 0) save.run(JSON.stringify([...list, ...missing]), plan.pilot_id);
    }
  },
};
