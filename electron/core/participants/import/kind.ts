import { importFieldLabels, importFields, requiredImportFields, type ImportChange, type ImportField, type ImportSampleRow } from '../../../../shared/participants/contract';
import type { ImportKind } from '../../imports';
import { insertParticipants, pilotChecks, updateParticipant, type ParticipantFields } from '../repository';
import { readPerson, sampleRow } from './rows';
import { differencesFrom, registeredByEmail } from './registered';

/** Someone registered whose row says something new: what the preview shows, and their record once the change is applied. */
export interface PersonChange {
  view: Omit<ImportChange, 'row'>;
  fields: ParticipantFields;
}

/**
 * Expressions of interest: one person per row. Forms exports are cumulative, so people already
 * registered (matched by email) come back in each export: they are skipped, or their changes are
 * offered for confirmation, and never fail the import, unless the row gives them the other role
 * (student mentor or staff mentee), their side of the scheme, which only their own page changes.
 */
export const eoiImport: ImportKind<ImportField, ParticipantFields, PersonChange, ImportSampleRow> = {
  key: 'eoi',
  fields: importFields,
  required: requiredImportFields,
  labels: importFieldLabels,
  guess: {
    order: importFields,
    clues: {
      email: /e-?mail/,
      name: /^(full ?)?name$|full name|your name|^name of|first and last name|participant name/,
      role: /role|student or staff|staff or student|are you a|mentor or mentee/,
      department: /department|faculty|school|dept|service/,
      level: /level|year of study|seniority|job title|grade|position|course/,
      characteristics: /characteristic|identify|identity|eligib|background/,
      topics: /topic|interest|theme|would you like to (talk|discuss)/,
      availability: /availab|when (can|are) you|free (slots|times)/,
      notes: /note|comment|anything else/,
    },
    // Microsoft Forms' own "Name" and "Email" (the respondent's account, or "anonymous") lose to the form's questions.
    weak: { name: /^name$/, email: /^e-?mail$/ },
    looksLike: { email: (value) => value.includes('@') },
  },
  rules(db, pilotId) {
    const checks = pilotChecks(db, pilotId);
    return {
      read: (row) => readPerson(row, checks),
      match(person, row) {
        const registered = registeredByEmail(db, pilotId, person.email);
        if (!registered) return { status: 'new' };
        if (registered.fields.role !== person.role) {
          return { status: 'refused', problem: { field: 'email', message: `${person.email} is already registered (${registered.fields.name})` } };
        }
        const { differences, fields } = differencesFrom(registered.fields, person, row.mapped);
        if (differences.length === 0) return { status: 'unchanged' };
        return { status: 'changed', id: registered.id, change: { view: { participantId: registered.id, name: registered.fields.name, email: person.email, differences }, fields } };
      },
      sample: sampleRow,
    };
  },
  write(db, pilotId, rows, changes, now) {
    insertParticipants(
      db,
      pilotId,
      rows.map((r) => r.value),
      now,
    );
    // The participants feature's own update: the same checks and the same record as a change made on the person's page.
    for (const { id, change } of changes) updateParticipant(db, id, change.fields, now);
  },
};
