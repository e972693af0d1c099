import type { FeatureHandlers } from '../registry/types';
import { noPilot, pilotScope } from '../registry/scope';
import { AppError } from '../errors';
import { person, currentConsent } from '../participants';
import { getPilot } from '../pilots';
import type { ReadDb } from '../db/query';
import { outsidePilotWarning, requireConfirmation } from '../confirmation';
import { formatDate } from '../../../shared/dates';
import { appendAudit } from '../audit';
import type { interviewsContract } from '../../../shared/interviews/contract';
import { seedGuide } from './guide-seed';
import {
  currentGuides,
  getInterview,
  getInterviewer,
  guideById,
  guideFor,
  hasOpenInterview,
  insertInterview,
  insertInterviewer,
  interviewRowOf,
  interviewsOf,
  listInterviewers,
  markInterviewerRemoved,
  pageInterviews,
  recordConsentCheck,
  saveGuide,
  saveNote,
  setStatus,
  updateSchedule,
  interviewsOfPerson,
} from './repository';
import { audit, copyPerson, detailOf, requireInterviewDatabase, sessionInterviewer, trailActor, visibleInterview } from './service';

/**
 * Interview writes are recorded in the interview database's own trail (inside the command's one
 * transaction, which spans both attached databases), so their `audit` for the main trail is empty:
 * an interviewer's session has no main trail to write to.
 */
const noMainAuditEntry = () => [];

const inPilot = (interview: { pilotId: number }, pilotId: number, id: number) => {
  if (interview.pilotId !== pilotId) throw new AppError('NOT_FOUND', `Interview ${id} does not exist in this pilot.`);
};

const scheduledOnly = (status: string) => {
  if (status !== 'scheduled') throw new AppError('INVALID_TRANSITION', `This interview is ${status}, so it can no longer be changed.`);
};

/** An interview dated outside the pilot (1900, 2099) is usually a typo: it asks for confirmation. */
const checkInterviewDate = (db: ReadDb, pilotId: number, scheduledOn: string, confirmed: readonly string[]) =>
  requireConfirmation([outsidePilotWarning(scheduledOn, getPilot(db, pilotId), `The interview date (${formatDate(scheduledOn)})`)], confirmed);

export const interviewHandlers: FeatureHandlers<keyof typeof interviewsContract> = {
  'interviews.interviewers': {
    kind: 'query',
    scope: noPilot,
    run: (_input, { db }) => {
      requireInterviewDatabase(db);
      return listInterviewers(db);
    },
  },
  'interviews.addInterviewer': {
    kind: 'action',
    scope: noPilot,
    run: async ({ name, email, passphrase }, ctx) => {
      requireInterviewDatabase(ctx.db);
      let id = 0;
      // The slot, their row and both trails' entries land together with the key file, or none do.
      await ctx.session.addInterviewerSlot({ email, passphrase }, (slotId) => {
        const now = ctx.now().toISOString();
        id = insertInterviewer(ctx.db, name, email, slotId, now);
        audit(ctx.db, ctx.actor, now, { action: 'interviews.addInterviewer', entityType: 'interviewer', entityId: id });
        appendAudit(ctx.db, ctx.actor, now, { action: 'vault.addInterviewerSlot', entityType: 'vault', entityId: ctx.session.vaultId });
      });
      return getInterviewer(ctx.db, id);
    },
  },
  'interviews.changeMyPassphrase': {
    kind: 'action',
    scope: noPilot,
    run: async ({ current, next }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const me = sessionInterviewer(ctx.db, ctx.session);
      await ctx.session.changeInterviewerPassphrase(current, next, () => {
        audit(ctx.db, trailActor(ctx.db, ctx.session, ctx.actor), ctx.now().toISOString(), { action: 'interviews.changePassphrase', entityType: 'interviewer', entityId: me ?? 0 });
      });
      return null;
    },
  },
  'interviews.removeInterviewer': {
    kind: 'action',
    scope: noPilot,
    run: async ({ interviewerId }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const interviewer = getInterviewer(ctx.db, interviewerId);
      if (interviewer.scheduled > 0) {
        throw new AppError('CONFLICT', `${interviewer.name} still has ${interviewer.scheduled === 1 ? 'a scheduled interview' : `${interviewer.scheduled} scheduled interviews`}. Give them to another interviewer or cancel them first; nothing was changed.`);
      }
      ctx.session.removeInterviewerSlot(interviewer.slotId, () => {
        const now = ctx.now().toISOString();
        markInterviewerRemoved(ctx.db, interviewerId, now);
        audit(ctx.db, ctx.actor, now, { action: 'interviews.removeInterviewer', entityType: 'interviewer', entityId: interviewerId });
        appendAudit(ctx.db, ctx.actor, now, { action: 'vault.removeInterviewerSlot', entityType: 'vault', entityId: ctx.session.vaultId });
      });
      return null;
    },
  },
  'interviews.guides': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId }, { db }) => {
      requireInterviewDatabase(db);
      return currentGuides(db, pilotId);
    },
  },
  'interviews.startGuide': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId, audience }, ctx) => {
      requireInterviewDatabase(ctx.db);
      if (currentGuides(ctx.db, pilotId).some((guide) => guide.audience === audience)) {
        throw new AppError('CONFLICT', 'This pilot already has that guide. Edit it instead; nothing was changed.');
      }
      const seed = seedGuide(audience);
      const now = ctx.now().toISOString();
      const id = saveGuide(ctx.db, pilotId, audience, seed.title, seed.questions, now);
      audit(ctx.db, ctx.actor, now, { action: 'interviews.startGuide', entityType: 'guide', entityId: id });
      return guideById(ctx.db, id)!;
    },
    audit: noMainAuditEntry,
  },
  'interviews.saveGuide': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId, audience, title, questions }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const now = ctx.now().toISOString();
      const id = saveGuide(ctx.db, pilotId, audience, title, questions, now);
      audit(ctx.db, ctx.actor, now, { action: 'interviews.saveGuide', entityType: 'guide', entityId: id });
      return guideById(ctx.db, id)!;
    },
    audit: noMainAuditEntry,
  },
  'interviews.ofPerson': {
    kind: 'query',
    scope: pilotScope.ofParticipant('participantId'),
    run: ({ participantId }, { db }) => {
      requireInterviewDatabase(db);
      return interviewsOfPerson(db, participantId);
    },
  },
  'interviews.list': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId, status, offset, limit }, { db }) => {
      requireInterviewDatabase(db);
      return pageInterviews(db, pilotId, status, offset, limit);
    },
  },
  'interviews.schedule': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId, participantId, confirmed, ...fields }, ctx) => {
      requireInterviewDatabase(ctx.db);
      checkInterviewDate(ctx.db, pilotId, fields.scheduledOn, confirmed);
      const who = person(ctx.db, participantId);
      if (who.pilotId !== pilotId) throw new AppError('NOT_FOUND', `Participant ${participantId} is not in this pilot.`);
      const consent = currentConsent(ctx.db, participantId);
      if (who.status === 'withdrawn' || !consent?.choices.takePart || consent.withdrawnOn) {
        throw new AppError('INVALID_TRANSITION', `${who.name} has no current consent to take part, so no interview can be scheduled with them. Nothing was changed.`, [{ path: ['participantId'], message: 'No consent to take part' }]);
      }
      if (hasOpenInterview(ctx.db, participantId)) {
        throw new AppError('CONFLICT', `${who.name} already has a scheduled interview. Change that one instead; nothing was changed.`, [{ path: ['participantId'], message: 'Already scheduled' }]);
      }
      getInterviewer(ctx.db, fields.interviewerId);
      const now = ctx.now().toISOString();
      copyPerson(ctx.db, participantId, now);
      const id = insertInterview(ctx.db, pilotId, participantId, guideFor(ctx.db, pilotId, who.role), fields, now);
      audit(ctx.db, ctx.actor, now, { action: 'interviews.schedule', entityType: 'interview', entityId: id });
      return interviewRowOf(ctx.db, id);
    },
    audit: noMainAuditEntry,
  },
  'interviews.reschedule': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId, interviewId, confirmed, ...fields }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const interview = getInterview(ctx.db, interviewId);
      inPilot(interview, pilotId, interviewId);
      checkInterviewDate(ctx.db, pilotId, fields.scheduledOn, confirmed);
      scheduledOnly(interview.status);
      getInterviewer(ctx.db, fields.interviewerId);
      const now = ctx.now().toISOString();
      updateSchedule(ctx.db, interviewId, fields, now);
      audit(ctx.db, ctx.actor, now, { action: 'interviews.reschedule', entityType: 'interview', entityId: interviewId });
      return interviewRowOf(ctx.db, interviewId);
    },
    audit: noMainAuditEntry,
  },
  'interviews.cancel': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId, interviewId, reason }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const interview = getInterview(ctx.db, interviewId);
      inPilot(interview, pilotId, interviewId);
      scheduledOnly(interview.status);
      const now = ctx.now().toISOString();
      setStatus(ctx.db, interviewId, 'cancelled', reason, now);
      audit(ctx.db, ctx.actor, now, { action: 'interviews.cancel', entityType: 'interview', entityId: interviewId });
      return interviewRowOf(ctx.db, interviewId);
    },
    audit: noMainAuditEntry,
  },
  'interviews.mine': {
    kind: 'query',
    scope: noPilot,
    run: (_input, { db, session }) => {
      requireInterviewDatabase(db);
      const me = sessionInterviewer(db, session);
      return me === undefined ? [] : interviewsOf(db, me);
    },
  },
  'interviews.detail': {
    kind: 'query',
    scope: noPilot,
    run: ({ interviewId }, { db, session }) => {
      requireInterviewDatabase(db);
      return detailOf(db, session, interviewId);
    },
  },
  'interviews.checkConsent': {
    kind: 'command',
    scope: noPilot,
    run: ({ interviewId }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const interview = visibleInterview(ctx.db, ctx.session, interviewId);
      scheduledOnly(interview.status);
      const detail = detailOf(ctx.db, ctx.session, interviewId);
      if (!detail.consent.takePart) {
        throw new AppError('INVALID_TRANSITION', `${detail.personName} has no current consent to take part, so the interview cannot go ahead. Nothing was recorded; tell the coordinator.`);
      }
      const actor = trailActor(ctx.db, ctx.session, ctx.actor);
      const now = ctx.now().toISOString();
      recordConsentCheck(ctx.db, interviewId, actor, now);
      audit(ctx.db, actor, now, { action: 'interviews.checkConsent', entityType: 'interview', entityId: interviewId });
      return detailOf(ctx.db, ctx.session, interviewId);
    },
    audit: noMainAuditEntry,
  },
  'interviews.saveNotes': {
    kind: 'command',
    scope: noPilot,
    run: ({ interviewId, questionId, body }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const interview = visibleInterview(ctx.db, ctx.session, interviewId);
      if (interview.status === 'cancelled') throw new AppError('INVALID_TRANSITION', 'This interview was cancelled, so its notes can no longer be changed.');
      if (interview.consentCheckedAt === null) throw new AppError('INVALID_TRANSITION', 'Check consent with the person before taking notes. Nothing was saved.');
      if (questionId !== 0) {
        const guide = interview.guideId === null ? null : guideById(ctx.db, interview.guideId);
        if (!guide?.questions.some((q) => q.id === questionId)) throw new AppError('NOT_FOUND', `Question ${questionId} is not in this interview’s guide.`);
      }
      const actor = trailActor(ctx.db, ctx.session, ctx.actor);
      const now = ctx.now().toISOString();
      saveNote(ctx.db, interviewId, questionId, body, now);
      audit(ctx.db, actor, now, { action: 'interviews.saveNotes', entityType: 'interview', entityId: interviewId });
      return { updatedAt: now };
    },
    audit: noMainAuditEntry,
  },
  'interviews.markDone': {
    kind: 'command',
    scope: noPilot,
    run: ({ interviewId }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const interview = visibleInterview(ctx.db, ctx.session, interviewId);
      scheduledOnly(interview.status);
      if (interview.consentCheckedAt === null) throw new AppError('INVALID_TRANSITION', 'Check consent with the person first: an interview is done only after its consent check.');
      const actor = trailActor(ctx.db, ctx.session, ctx.actor);
      const now = ctx.now().toISOString();
      setStatus(ctx.db, interviewId, 'done', null, now);
      audit(ctx.db, actor, now, { action: 'interviews.markDone', entityType: 'interview', entityId: interviewId });
      return detailOf(ctx.db, ctx.session, interviewId);
    },
    audit: noMainAuditEntry,
  },
};

