import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyKey } from '../../electron/core/db/open';
import { migrate, migrations } from '../../electron/core/db/migrations';
import { asReadDb } from '../../electron/core/db/query';
import { getSafeguardingPlan } from '../../electron/core/plan';
import { inTempDir } from '../helpers/temp-dir';

let dir: string;
beforeEach(inTempDir((d) => (dir = d)));

const safeguardingStep = migrations.findIndex((m) => m.name === 'safeguarding concern register');

describe('the safeguarding migration', () => {
  it('gives pilots made before it the usual four services to refer to, and no concern retention until one is decided', () => {
    const db = new Database(join(dir, 'before.sqlite'));
    applyKey(db, randomBytes(32));
    migrate(db, migrations.slice(0, safeguardingStep));
    const at = '2026-11-02T10:00:00.000Z';
    db.prepare("INSERT INTO pilots (id, name, start_date, end_date, status, created_at, updated_at) VALUES (1, 'Pilot', '2026-10-01', '2027-06-30', 'running', ?, ?)").run(at, at);
    db.prepare("INSERT INTO plan_settings (pilot_id, eligibility, meeting_count, cadence_days, duration_min, duration_max, retention_months) VALUES (1, '[]', 4, 14, 60, 90, 60)").run();

    migrate(db);
    expect(getSafeguardingPlan(asReadDb(db), 1)).toEqual({
      referralServices: [
        { name: 'Wellbeing service', contact: '' },
        { name: 'Disability service', contact: '' },
        { name: 'Security', contact: '' },
        { name: 'Human resources (HR)', contact: '' },
      ],
      // Separate from the research data's retention, which stays as it was.
      concernRetentionMonths: null,
    });
    expect(db.prepare('SELECT retention_months FROM plan_settings WHERE pilot_id = 1').pluck().get()).toBe(60);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'concern%'").pluck().get()).toBe(5);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
