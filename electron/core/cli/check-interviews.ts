import type { Db } from '../db/types';
import { asReadDb } from '../db/query';
import { fromDatabaseError } from '../errors';
import { verifyInterviewAudit } from '../interviews';
import { hasInterviewDatabase, INTERVIEW_DB_FILE, INTERVIEWS_SCHEMA } from '../db/interview-database';
import { LATEST_INTERVIEW_SCHEMA_VERSION } from '../db/interview-migrations';
import { plural } from '../../../shared/words';

/**
 * `vault check`'s lines for the interview database (attached as `interviews`): its integrity check,
 * its own audit trail and its schema version. Returns whether all is well.
 */
export function checkInterviewDatabase(db: Db): { lines: string[]; sound: boolean } {
  if (!hasInterviewDatabase(db)) {
    return { lines: [`interview database: NOT OPEN (${INTERVIEW_DB_FILE} is added at the first unlock of an undamaged vault)`], sound: false };
  }
  try {
    const problems = (db.pragma(`${INTERVIEWS_SCHEMA}.integrity_check`) as { integrity_check: string }[]).map((row) => row.integrity_check);
    const intact = problems.length === 1 && problems[0] === 'ok';
    const audit = verifyInterviewAudit(asReadDb(db));
    const version = db.pragma(`${INTERVIEWS_SCHEMA}.user_version`, { simple: true }) as number;
    const lines = [intact ? 'interview database integrity: ok' : `interview database integrity: DAMAGED\n${problems.map((p) => `  ${p}`).join('\n')}`];
    if (audit.ok) {
      lines.push(`interview audit chain: ok, ${plural(audit.entries, 'entry', 'entries')}`);
      if (audit.headHash) lines.push(`interview audit head: entry ${audit.entries}, hash ${audit.headHash}`);
    } else {
      lines.push(`interview audit chain: BROKEN at entry ${audit.brokenAt}: that entry or the one before it was altered, removed or reordered`);
    }
    lines.push(`interview schema version: ${version} (this app: ${LATEST_INTERVIEW_SCHEMA_VERSION})`);
    return { lines, sound: intact && audit.ok };
  } catch (error) {
    const mapped = fromDatabaseError(error);
    if (mapped?.code !== 'VAULT_CORRUPT') throw error;
    return { lines: [`interview database: UNREADABLE (${(error as Error).message})`], sound: false };
  }
}
