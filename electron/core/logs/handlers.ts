import type { FeatureHandlers, HandlerContext } from '../registry/types';
import type { logsContract } from '../../../shared/logs/contract';
import { AppError } from '../errors';
import { assertPilotExists, assertPilotWritable } from '../pilots/guard';
import { todayFor } from '../settings/handlers';
import { person } from '../participants/roles';
import { getPilot } from '../pilots/repository';
import { writeExport } from '../exports/write-export';
import * as repo from './repository';
import { importLogs, previewLogImport } from './import';
import { renderLogBook } from './logbook';

const iso = (ctx: HandlerContext) => ctx.now().toISOString();
const bytes = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

export const logHandlers: FeatureHandlers<keyof typeof logsContract> = {
  'logs.get': { kind: 'query', run: ({ meetingId, authorId }, { db }) => repo.findLog(db, meetingId, authorId) },
  'logs.saveDraft': {
    kind: 'command',
    run: ({ meetingId, authorId, stages }, ctx) => {
      assertPilotWritable(ctx.db, repo.assertLoggable(ctx.db, meetingId, authorId));
      const existing = repo.findLog(ctx.db, meetingId, authorId);
      if (existing?.state === 'submitted') throw new AppError('INVALID_TRANSITION', 'This log is already submitted; change it and submit it again.');
      return repo.writeLog(ctx.db, meetingId, authorId, 'draft', stages, {}, iso(ctx));
    },
    audit: (_input, log) => ({ action: 'logs.saveDraft', entityType: 'reflective_log', entityId: log.id }),
  },
  'logs.submit': {
    kind: 'command',
    run: ({ meetingId, authorId, stages }, ctx) => {
      assertPilotWritable(ctx.db, repo.assertLoggable(ctx.db, meetingId, authorId));
      if (!stages.description.trim()) {
        const message = 'Write at least the Description before submitting.';
        throw new AppError('INVALID_INPUT', message, [{ path: ['stages', 'description'], message }]);
      }
      return repo.writeLog(ctx.db, meetingId, authorId, 'submitted', stages, {}, iso(ctx));
    },
    audit: (_input, log) => ({ action: 'logs.submit', entityType: 'reflective_log', entityId: log.id }),
  },
  'logs.markNotProvided': {
    kind: 'command',
    run: ({ meetingId, authorId, reason }, ctx) => {
      assertPilotWritable(ctx.db, repo.assertLoggable(ctx.db, meetingId, authorId));
      const existing = repo.findLog(ctx.db, meetingId, authorId);
      if (existing?.state === 'submitted') throw new AppError('INVALID_TRANSITION', 'A log was submitted for this meeting, so it cannot be marked as not provided.');
      const empty = { description: '', feelings: '', evaluation: '', analysis: '', conclusion: '', actionPlan: '' };
      return repo.writeLog(ctx.db, meetingId, authorId, 'not-provided', existing?.stages ?? empty, { reason }, iso(ctx));
    },
    audit: (_input, log) => ({ action: 'logs.markNotProvided', entityType: 'reflective_log', entityId: log.id }),
  },
  'logs.owed': {
    kind: 'query',
    run: ({ pilotId }, ctx) => {
      assertPilotExists(ctx.db, pilotId);
      return repo.owedLogs(ctx.db, pilotId, todayFor(ctx.db, ctx.now()));
    },
  },
  'logs.search': {
    kind: 'query',
    run: ({ pilotId, query, order, offset, limit }, { db }) => {
      assertPilotExists(db, pilotId);
      return repo.searchLogs(db, pilotId, query, order, offset, limit);
    },
  },
  'logs.importPreview': {
    kind: 'query',
    run: ({ pilotId, file, mapping }, { db }) => {
      assertPilotExists(db, pilotId);
      return previewLogImport(db, pilotId, bytes(file), mapping);
    },
  },
  'logs.import': {
    kind: 'command',
    run: ({ pilotId, file, mapping }, ctx) => {
      assertPilotWritable(ctx.db, pilotId);
      return importLogs(ctx.db, pilotId, bytes(file), mapping, iso(ctx));
    },
    audit: (input, result) => ({ action: `logs.import(${result.imported})`, entityType: 'pilot', entityId: input.pilotId }),
  },
  'logs.exportLogBook': {
    kind: 'action',
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
