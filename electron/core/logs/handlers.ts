import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { logsContract } from '../../../shared/logs/contract';
import { AppError } from '../errors';
import { person } from '../participants';
import { getPilot } from '../pilots';
import { writeExport } from '../exports/write-export';
import * as repo from './repository';
import { importLogs, previewLogImport } from './import';
import { stagedFiles } from '../imports';
import { renderLogBook } from './logbook';
import { startsDraftSession } from './draft-session';

const forPilot = pilotScope.fromInput('pilotId');
const ofMeeting = pilotScope.ofMeeting('meetingId');

export const logHandlers: FeatureHandlers<keyof typeof logsContract> = {
  'logs.get': {
    kind: 'query',
    scope: ofMeeting,
    run: ({ meetingId, authorId }, { db }) => repo.findLog(db, meetingId, authorId),
  },
  'logs.saveDraft': {
    kind: 'command',
    scope: ofMeeting,
    run: ({ meetingId, authorId, stages }, { db, now, audit }) => {
      repo.assertLoggable(db, meetingId, authorId);
      const existing = repo.findLog(db, meetingId, authorId);
      if (existing?.state === 'submitted') throw new AppError('INVALID_TRANSITION', 'This log is already submitted; change it and submit it again.');
      const log = repo.writeLog(db, meetingId, authorId, 'draft', stages, {}, now().toISOString());
      if (startsDraftSession(db, log.id, now())) audit({ action: 'logs.saveDraft', entityType: 'reflective_log', entityId: log.id });
      return log;
    },
    // Audited above, once per editing session: autosaves as the coordinator types would flood the trail.
    audit: () => [],
  },
  'logs.submit': {
    kind: 'command',
    scope: ofMeeting,
    run: ({ meetingId, authorId, stages }, { db, now }) => {
      repo.assertLoggable(db, meetingId, authorId);
      if (!stages.description.trim()) {
        const message = 'Write at least the Description before submitting.';
        throw new AppError('INVALID_INPUT', message, [{ path: ['stages', 'description'], message }]);
      }
      return repo.writeLog(db, meetingId, authorId, 'submitted', stages, {}, now().toISOString());
    },
    audit: (_input, log) => ({ action: 'logs.submit', entityType: 'reflective_log', entityId: log.id }),
  },
  'logs.markNotProvided': {
    kind: 'command',
    scope: ofMeeting,
    run: ({ meetingId, authorId, reason }, { db, now }) => {
      repo.assertLoggable(db, meetingId, authorId);
      const existing = repo.findLog(db, meetingId, authorId);
      if (existing?.state === 'submitted') throw new AppError('INVALID_TRANSITION', 'A log was submitted for this meeting, so it cannot be marked as not provided.');
      const empty = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };
      return repo.writeLog(db, meetingId, authorId, 'not-provided', existing?.stages ?? empty, { reason }, now().toISOString());
    },
    audit: (_input, log) => ({ action: 'logs.markNotProvided', entityType: 'reflective_log', entityId: log.id }),
  },
  'logs.owed': {
    kind: 'query',
    scope: forPilot,
    run: ({ pilotId }, { db, today }) => repo.owedLogs(db, { pilotId, search: '', offset: 0, limit: Number.MAX_SAFE_INTEGER }, today()).rows,
  },
  'logs.owedPage': {
    kind: 'query',
    scope: forPilot,
    run: (input, { db, today }) => repo.owedLogs(db, input, today()),
  },
  'logs.search': {
    kind: 'query',
    scope: forPilot,
    run: ({ query, order, offset, limit }, { db, pilotId }) => repo.searchLogs(db, pilotId, query, order, offset, limit),
  },
  'logs.importPreview': {
    kind: 'query',
    scope: forPilot,
    run: ({ stagedId, mapping }, { db, pilotId, session }) => previewLogImport(db, pilotId, stagedFiles(session).get(stagedId), mapping),
  },
  'logs.import': {
    kind: 'command',
    scope: forPilot,
    run: ({ stagedId, mapping }, ctx) => importLogs(ctx.db, ctx.pilotId, stagedFiles(ctx.session).get(stagedId), mapping, ctx.now().toISOString()),
    audit: (input, result) => ({ action: `logs.import(${result.imported})`, entityType: 'pilot', entityId: input.pilotId }),
  },
  'logs.exportLogBook': {
    kind: 'action',
    scope: pilotScope.ofParticipant('participantId'),
    run: async ({ participantId }, ctx) => {
      const who = person(ctx.db, participantId);
      const count = repo.logsByAuthor(ctx.db, participantId, ['submitted']).length;
      if (count === 0) throw new AppError('NOT_FOUND', `${who.name} has no submitted logs yet, so there is no log book to make.`);
      const { folder, files } = await writeExport(ctx, {
        purpose: `Choose a folder for ${who.name}’s log book`,
        render: async () => {
          const logs = repo.logsByAuthor(ctx.db, participantId, ['submitted']);
          const pdf = await renderLogBook({ personName: who.name, pilotName: getPilot(ctx.db, who.pilotId).name, logs, createdOn: ctx.now() });
          return [{ name: `log-book-${participantId}.pdf`, data: pdf }];
        },
        audit: { action: 'logs.exportLogBook', entityType: 'participant', entityId: participantId },
      });
      return { folder, file: files[0]!, logs: count };
    },
  },
};
