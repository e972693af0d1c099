/**
 * Plain words for audit entries. The trail stores channel names and record ids only (never content);
 * this maps them to what a coordinator or auditor would say, and names pilots from the live list.
 */
import { statusLabels, type ParticipantStatus } from '../../../../shared/participants/contract';
import { people, plural } from '../../../../shared/words';

/** What each recorded action means; counted actions such as `participants.import(12)` are handled below. */
const ACTIONS: Record<string, string> = {
  'vault.create': 'Created the vault',
  'vault.changePassphrase': 'Changed the passphrase',
  'vault.revealKey': 'Showed the raw key to an auditor',
  'vault.confirmRecoveryKey': 'Confirmed the recovery key is stored safely',
  'vault.replaceRecoveryKey': 'Replaced the recovery key',
  'settings.update': 'Changed settings',
  'pilots.create': 'Created a pilot',
  'pilots.update': 'Changed a pilot’s details',
  'pilots.archive': 'Archived a pilot',
  'pilots.restore': 'Restored a pilot',
  'plan.setEligibility': 'Changed the eligibility categories',
  'plan.setMeetingPlan': 'Changed the meeting plan',
  'plan.setSupport': 'Changed the support protocol',
  'plan.setGovernance': 'Changed ethics and retention',
  'milestones.applyTemplate': 'Added the usual milestones',
  'themes.move': 'Moved a theme',
  'participants.update': 'Changed a person’s details',
  'consent.record': 'Recorded consent',
  'consent.withdraw': 'Recorded a withdrawal of consent',
  'consent.correct': 'Consent record corrected',
  'matching.setSettings': 'Changed the pairing settings',
  'matching.setPreferences': 'Changed someone’s stated preferences',
  'matching.setCapacity': 'Changed how many partners someone takes',
  'matching.addConflict': 'Recorded a conflict of interest',
  'matching.removeConflict': 'Removed a conflict of interest',
  'matching.confirm': 'Confirmed pairs',
  'matching.setRule.pin': 'Pinned a pair',
  'matching.setRule.forbid': 'Ruled out a pair',
  'matching.setRule.clear': 'Cleared a pinned or ruled-out pair',
  'pairs.unpair': 'Ended a pair',
  'meetings.markHeld': 'Marked a meeting held',
  'meetings.undoHeld': 'Undid “held” on a meeting',
  'meetings.reschedule': 'Rescheduled a meeting',
  'meetings.cancel': 'Cancelled a meeting',
  'meetings.exportIcs': 'Exported meetings to a calendar file',
  'logs.saveDraft': 'Saved a reflective log as a draft',
  'logs.submit': 'Submitted a reflective log',
  'logs.markNotProvided': 'Recorded that a reflective log will not be provided',
  'logs.exportLogBook': 'Exported a log book',
  'backup.create': 'Wrote a backup',
  'backup.verify': 'Checked a backup: it passed',
  'backup.verifyFailed': 'Checked a backup: it failed',
  'backup.restore': 'Restored this vault from a backup',
  'subjectAccess.export': 'Exported a person’s subject access documents',
};

/** Counted actions: `name(count)`. */
const COUNTED: Record<string, (count: number) => string> = {
  'participants.import': (n) => `Imported ${people(n)}`,
  'logs.import': (n) => `Imported ${plural(n, 'reflective log')}`,
  'meetings.applyShift': (n) => `Moved ${plural(n, 'meeting')}`,
};

/** Each feature's records, for "Added a theme", "Deleted a finding"… */
const NOUNS: Record<string, string> = {
  pilots: 'pilot',
  milestones: 'milestone',
  themes: 'theme',
  focusGroups: 'focus group',
  findings: 'finding',
  consentForms: 'consent form version',
  participants: 'person',
  chemistry: 'chemistry meeting',
  training: 'training session',
  meetings: 'meeting',
  logs: 'reflective log',
};

const VERBS: Record<string, string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  archive: 'Archived',
  restore: 'Restored',
};

/** "focusGroups" → "focus groups". */
const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function describeAction(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  const counted = /^([\w.]+)\((\d+)\)$/.exec(action);
  if (counted && COUNTED[counted[1]!]) return COUNTED[counted[1]!]!(Number(counted[2]));
  const transition = /^participants\.transition\.(\w+)$/.exec(action);
  if (transition?.[1] === 'withdrawn') return 'Recorded that a person withdrew from the scheme';
  if (transition) return `Moved a person to ${statusLabels[transition[1] as ParticipantStatus] ?? words(transition[1]!)}`;
  const [feature = '', verb = '', ...rest] = action.split('.');
  const noun = NOUNS[feature];
  if (noun && VERBS[verb] && rest.length === 0) return `${VERBS[verb]} a ${noun}`;
  // An action added after this list: still words, not a channel name.
  return sentence([words(verb), words(feature), ...rest.map(words)].filter(Boolean).join(' '));
}

/** The record types the trail names, as a person would say them. */
const RECORDS: Record<string, string> = {
  pilot: 'Pilot',
  pilotId: 'Pilot',
  participant: 'Person',
  pair: 'Pair',
  pairId: 'Pair',
  meeting: 'Meeting',
  reflective_log: 'Reflective log',
  milestone: 'Milestone',
  theme: 'Theme',
  focus_group: 'Focus group',
  finding: 'Finding',
  consent_form: 'Consent form version',
  consent_record: 'Consent record',
  chemistry_meeting: 'Chemistry meeting',
  training_session: 'Training session',
  conflict_of_interest: 'Conflict of interest',
};

const SETTINGS: Record<string, string> = { autoLockMinutes: 'auto-lock', timeZone: 'time zone', backupReminderDays: 'backup reminder' };

export function describeRecord(entityType: string | null, entityId: string | null, pilotNames: ReadonlyMap<number, string>): string {
  if (!entityType) return '—';
  // The vault's id is an internal identifier: the vault is the one on this laptop.
  if (entityType === 'vault') return 'The vault';
  if (entityType === 'settings') {
    const names = (entityId ?? '').split(',').filter(Boolean).map((key) => SETTINGS[key] ?? words(key));
    return names.length > 0 ? `Settings: ${names.join(', ')}` : 'Settings';
  }
  const label = RECORDS[entityType] ?? sentence(words(entityType.replace(/_/g, ' ')));
  if (entityId === null || entityId === '') return label;
  if (label === 'Pilot') {
    const name = pilotNames.get(Number(entityId));
    if (name) return `Pilot “${name}”`;
  }
  // Pinned or ruled-out pairs are recorded as "mentor:mentee".
  const pairOfPeople = /^(\d+):(\d+)$/.exec(entityId);
  if (pairOfPeople) return `Mentor no. ${pairOfPeople[1]} and mentee no. ${pairOfPeople[2]}`;
  return `${label} no. ${entityId}`;
}

/** A feature of the app, for the trail's filter: "Focus groups", "Reflective logs". */
const FEATURES: Record<string, string> = {
  vault: 'The vault',
  settings: 'Settings',
  audit: 'The audit trail',
  pilots: 'Pilots',
  plan: 'Plan',
  milestones: 'Milestones',
  themes: 'Themes',
  consentForms: 'Consent forms',
  focusGroups: 'Focus groups',
  findings: 'Focus-group findings',
  participants: 'People',
  consent: 'Consent',
  chemistry: 'Chemistry meetings',
  training: 'Training',
  matching: 'Pairing',
  pairs: 'Pairs',
  meetings: 'Meetings',
  logs: 'Reflective logs',
  imports: 'Imports',
  safeguarding: 'Safeguarding',
  surveys: 'Surveys',
};

export function describeFeature(feature: string): string {
  return FEATURES[feature] ?? sentence(words(feature));
}

export function describeActor(actor: string): string {
  if (actor === 'coordinator') return 'Coordinator';
  if (actor === 'cli') return 'Command line';
  return actor;
}
