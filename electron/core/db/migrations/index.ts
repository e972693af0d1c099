import type { Db } from '../types';
import { foundation } from './001-foundation';
import { planAndRecruitment } from './002-plan-recruitment';
import { chemistryTrainingPairing } from './003-chemistry-training-pairing';
import { meetingsAndLogs } from './004-meetings-logs';
import { meetingsPerformance } from './005-meetings-performance';
import { meetingsFixes } from './006-meetings-fixes';
import { recruitmentFixes } from './007-recruitment-fixes';
import { statusChangeCauses } from './008-status-causes';
import { safeguarding } from './009-safeguarding';
import { surveys } from './010-surveys';
import { pairingGates } from './011-pairing-gates';
import { meetingNumbers } from './012-meeting-numbers';
import { auditLookups } from './013-audit-lookups';
import { dashboardCounts } from './014-dashboard-counts';
import { undoHeldCause } from './015-undo-held-cause';
import { consentCorrections } from './016-consent-corrections';
import { erasure } from './017-erasure';
import { researchExportLog } from './018-research-export-log';
import { groupReflections } from './019-group-reflections';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

/** Numbered steps, applied in order. Never edit a released step: add a new one. */
export const migrations: Migration[] = [foundation, planAndRecruitment, chemistryTrainingPairing, meetingsAndLogs, meetingsPerformance, meetingsFixes, recruitmentFixes, statusChangeCauses, safeguarding, surveys, pairingGates, meetingNumbers, auditLookups, dashboardCounts, undoHeldCause, consentCorrections, erasure, researchExportLog, groupReflections];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version;

/** Applies every pending step in one transaction, so a vault is never left half-migrated. */
export function migrate(db: Db, steps: Migration[] = migrations): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = steps.filter((m) => m.version > from);
  const to = steps.at(-1)?.version ?? from;
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const step of pending) step.up(db);
    db.pragma(`user_version=${to}`);
  }).immediate();
  return { from, to };
}
