import type { FeatureHandlers } from '../../registry/types';
import { noPilot } from '../../registry/scope';
import { AppError } from '../../errors';
import type { ReadDb } from '../../db/query';
import type { VaultSession } from '../../session';
import { TRANSCRIPT_MAX_CHARS, type Transcript } from '../../../../shared/interviews/transcripts-contract';
import { audit, requireInterviewDatabase, trailActor, visibleInterview } from '../service';
import { sliceCodePoints } from '../../../../shared/interviews/code-points';
import { codedRanges, moveExcerpt, transcriptOf, writeTranscript } from './repository';
import { shiftExcerpts } from './shift';
import { formatOf, parseTranscript } from './parse';
import { TranscriptParseError } from './parse-error';

type TranscriptChannel = 'transcripts.get' | 'transcripts.save' | 'transcripts.import';

/** Writes go to the interview trail (see ../handlers.ts), so the main trail gets nothing. */
const noMainAuditEntry = () => [];

export function transcriptView(db: ReadDb, interviewId: number): Transcript {
  const stored = transcriptOf(db, interviewId);
  return {
    interviewId,
    body: stored?.body ?? '',
    version: stored?.version ?? 0,
    source: stored?.source ?? 'typed',
    updatedAt: stored?.updatedAt ?? null,
    codedRanges: codedRanges(db, interviewId).map(({ start, end }) => ({ start, end })),
  };
}

/** The interview, if this session may write its transcript: consent checked first, never once cancelled. */
function writableInterview(db: ReadDb, session: VaultSession, interviewId: number) {
  const interview = visibleInterview(db, session, interviewId);
  if (interview.status === 'cancelled') throw new AppError('INVALID_TRANSITION', 'This interview was cancelled, so its transcript can no longer be changed. Nothing was saved.');
  if (interview.consentCheckedAt === null) throw new AppError('INVALID_TRANSITION', 'Check consent with the person before writing a transcript. Nothing was saved.');
  return interview;
}

export const transcriptHandlers: FeatureHandlers<TranscriptChannel> = {
  'transcripts.get': {
    kind: 'query',
    scope: noPilot,
    run: ({ interviewId }, { db, session }) => {
      requireInterviewDatabase(db);
      visibleInterview(db, session, interviewId);
      return transcriptView(db, interviewId);
    },
  },
  'transcripts.save': {
    kind: 'command',
    scope: noPilot,
    run: ({ interviewId, baseVersion, body }, ctx) => {
      requireInterviewDatabase(ctx.db);
      writableInterview(ctx.db, ctx.session, interviewId);
      const text = body.replace(/\r\n?/g, '\n');
      const stored = transcriptOf(ctx.db, interviewId);
      if ((stored?.version ?? 0) !== baseVersion) {
        throw new AppError('CONFLICT', 'Someone else saved this transcript since you opened it. Copy your last changes, reload the transcript and add them again; nothing was saved.');
      }
      if (stored && stored.body === text) return transcriptView(ctx.db, interviewId);
      const shifted = shiftExcerpts(stored?.body ?? '', text, codedRanges(ctx.db, interviewId));
      if (!shifted.ok) {
        const words = sliceCodePoints(stored!.body, shifted.touched.start, shifted.touched.end);
        throw new AppError(
          'CONFLICT',
          `This change edits coded text (“${words.length > 60 ? `${words.slice(0, 60)}…` : words}”). Remove that coding first, or undo the change; nothing was saved.`,
          [{ path: ['body'], message: 'Changes coded text' }],
        );
      }
      for (const excerpt of shifted.moved) moveExcerpt(ctx.db, excerpt.id, excerpt.start, excerpt.end);
      const actor = trailActor(ctx.db, ctx.session, ctx.actor);
      const now = ctx.now().toISOString();
      writeTranscript(ctx.db, interviewId, text, stored?.source ?? 'typed', actor, now);
      // Audited when the transcript is first written; later saves are autosaves of the same work.
      if (!stored) audit(ctx.db, actor, now, { action: 'transcripts.create', entityType: 'interview', entityId: interviewId });
      return transcriptView(ctx.db, interviewId);
    },
    audit: noMainAuditEntry,
  },
  'transcripts.import': {
    kind: 'command',
    scope: noPilot,
    run: ({ interviewId, fileName, bytesBase64, replace }, ctx) => {
      requireInterviewDatabase(ctx.db);
      writableInterview(ctx.db, ctx.session, interviewId);
      const stored = transcriptOf(ctx.db, interviewId);
      if (codedRanges(ctx.db, interviewId).length > 0) {
        throw new AppError('CONFLICT', 'This transcript is coded, so it cannot be replaced by an import: the codings would point at other words. Nothing was changed.');
      }
      if (stored && stored.body.trim() !== '' && !replace) {
        throw new AppError('CONFLICT', 'This interview already has a transcript. Confirm that the import replaces it; nothing was changed.', [{ path: ['replace'], message: 'Confirm replacing the transcript' }]);
      }
      let body: string;
      try {
        body = parseTranscript(formatOf(fileName), Buffer.from(bytesBase64, 'base64'));
      } catch (error) {
        if (error instanceof TranscriptParseError) throw new AppError('INVALID_INPUT', `${fileName} could not be imported. ${error.message} Nothing was changed.`, [{ path: ['bytesBase64'], message: error.message }]);
        throw error;
      }
      if (body.trim() === '') throw new AppError('INVALID_INPUT', `${fileName} holds no text. Nothing was changed.`, [{ path: ['bytesBase64'], message: 'No text' }]);
      if (body.length > TRANSCRIPT_MAX_CHARS) throw new AppError('INVALID_INPUT', `${fileName} holds more than two million characters, more than any interview. Nothing was changed.`);
      const actor = trailActor(ctx.db, ctx.session, ctx.actor);
      const now = ctx.now().toISOString();
      writeTranscript(ctx.db, interviewId, body, formatOf(fileName), actor, now);
      audit(ctx.db, actor, now, { action: 'transcripts.import', entityType: 'interview', entityId: interviewId });
      return transcriptView(ctx.db, interviewId);
    },
    audit: noMainAuditEntry,
  },
};
