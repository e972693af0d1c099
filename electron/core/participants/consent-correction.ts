/**
 * Correcting a consent record entered by mistake (the wrong box ticked, the wrong date or form): a
 * new record that names the one it corrects, with the reason. Nothing is overwritten or deleted —
 * the earlier record stays in the history, marked corrected, and no longer counts. What the
 * correction implies follows the usual rules: taking away consent to take part, for someone still
 * in the scheme, asks for confirmation and then has the same effect as withdrawing that consent.
 */
import { AppError } from '../errors';
import { formatDate } from '../../../shared/dates';
import { plural } from '../../../shared/words';
import type { CommandContext } from '../registry/types';
import type { ConsentChoices, ConsentRecord, WithdrawalPreview } from '../../../shared/participants/contract';
import { requireConfirmation } from '../confirmation';
import { currentConsent, getConsent, insertConsent } from './consent';
import { pairingFacts } from './repository';
import { assertPreviewUnchanged, withdrawWithCascade } from '../withdrawal';

export interface ConsentCorrection {
  id: number;
  formId: number;
  givenOn: string;
  choices: ConsentChoices;
  reason: string;
  withdrawParticipant: boolean;
  previewFingerprint?: string | undefined;
  confirmed: readonly string[];
}

const sameChoices = (a: ConsentChoices, b: ConsentChoices) => (Object.keys(a) as (keyof ConsentChoices)[]).every((key) => a[key] === b[key]);

/** Only the record that decides the person's consent now can be corrected, and only while it stands. */
function assertCorrectable(record: ConsentRecord, current: ConsentRecord | undefined): void {
  if (record.correctedById) throw new AppError('INVALID_TRANSITION', 'This consent record was already corrected. Correct the record that corrected it instead.');
  if (current && current.id !== record.id) {
    throw new AppError('INVALID_TRANSITION', `Only the latest consent record can be corrected; this one was followed by the record of ${formatDate(current.givenOn)}.`);
  }
  if (record.withdrawnOn) {
    throw new AppError('INVALID_TRANSITION', `This consent was withdrawn on ${formatDate(record.withdrawnOn)}, so it can no longer be corrected. If they consent again, record their new consent.`);
  }
}

/** "Their pair with Helen Marsh ends, 3 meetings still to come are cancelled and 1 log they owe is no longer owed." */
function consequences(preview: WithdrawalPreview, withdrawParticipant: boolean): string {
  const meetings = preview.pairs.reduce((sum, pair) => sum + pair.cancelledMeetings.length, 0);
  const parts = [
    withdrawParticipant ? `${preview.name} is withdrawn from the scheme` : `${preview.name} stays on the register without consent to take part`,
    ...preview.pairs.map((pair) => `their pair with ${pair.partnerName} ends`),
    meetings > 0 ? `${plural(meetings, 'meeting')} still to come ${meetings === 1 ? 'is' : 'are'} cancelled` : '',
    preview.owedLogs.length > 0 ? `${plural(preview.owedLogs.length, 'log')} they owe ${preview.owedLogs.length === 1 ? 'is' : 'are'} no longer owed` : '',
  ].filter(Boolean);
  return `${parts.slice(0, -1).join(', ')}${parts.length > 1 ? ' and ' : ''}${parts.at(-1)}.`;
}

export function correctConsent(ctx: CommandContext, correction: ConsentCorrection): ConsentRecord {
  const { db } = ctx;
  const record = getConsent(db, correction.id);
  assertCorrectable(record, currentConsent(db, record.participantId));
  if (record.formId === correction.formId && record.givenOn === correction.givenOn && sameChoices(record.choices, correction.choices)) {
    const message = 'The correction is the same as the record. Change what was entered by mistake.';
    throw new AppError('INVALID_INPUT', message, [{ path: ['choices'], message }]);
  }

  const person = pairingFacts(db, record.participantId);
  const stillIn = person.status !== 'withdrawn' && person.status !== 'completed';
  const endsTakingPart = stillIn && record.choices.takePart && !correction.choices.takePart;
  if (endsTakingPart) {
    // The preview the coordinator confirmed must still be the situation; checked before anything changes.
    const preview = assertPreviewUnchanged(db, record.participantId, correction.previewFingerprint);
    requireConfirmation(
      [{ code: 'ends-taking-part', message: `With this correction ${preview.name} has not consented to take part, the same as a withdrawal of consent: ${consequences(preview, correction.withdrawParticipant)}` }],
      correction.confirmed,
    );
  }

  const now = ctx.now().toISOString();
  const corrected = insertConsent(
    db,
    { participantId: record.participantId, formId: correction.formId, givenOn: correction.givenOn, choices: correction.choices, correction: { correctsId: record.id, reason: correction.reason } },
    now,
    ctx.today(),
  );
  if (endsTakingPart) {
    withdrawWithCascade(ctx, {
      participantId: record.participantId,
      reason: correction.reason,
      note: `Consent corrected, take part not given: ${correction.reason}`,
      cause: correction.withdrawParticipant ? 'consent-withdrawn' : null,
      fingerprint: undefined,
    });
  }
  return corrected;
}
