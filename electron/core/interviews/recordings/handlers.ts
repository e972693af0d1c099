import type { FeatureHandlers } from '../../registry/types';
import { noPilot } from '../../registry/scope';
import type { recordingsContract } from '../../../../shared/interviews/recordings-contract';
import { audit, requireInterviewDatabase, sessionInterviewer, trailActor, visibleInterview } from '../service';
import { deleteRecording } from './repository';
import {
  appendChunk,
  beginRecording,
  finishRecording,
  importRecording,
  interruptedRecordings,
  markQuestion,
  recordingsOf,
  recordingView,
  requireInterrupted,
  visibleRecording,
} from './service';

/** Writes go to the interview trail (see ../handlers.ts), so the main trail gets nothing. */
const noMainAuditEntry = () => [];

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export const recordingHandlers: FeatureHandlers<keyof typeof recordingsContract> = {
  'recordings.begin': {
    kind: 'command',
    scope: noPilot,
    run: ({ interviewId, mimeType }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const actor = trailActor(ctx.db, ctx.session, ctx.actor);
      return { recordingId: beginRecording(ctx.db, ctx.session, interviewId, mimeType, actor, ctx.now().toISOString()) };
    },
    audit: noMainAuditEntry,
  },
  'recordings.append': {
    // One chunk, one transaction. Not in the trail: a chunk every five seconds would bury it; begin and finish are.
    kind: 'command',
    scope: noPilot,
    run: ({ recordingId, sequence, bytesBase64 }, ctx) => {
      requireInterviewDatabase(ctx.db);
      return appendChunk(ctx.db, ctx.session, recordingId, sequence, decode(bytesBase64));
    },
    audit: noMainAuditEntry,
  },
  'recordings.mark': {
    kind: 'command',
    scope: noPilot,
    run: ({ recordingId, questionId, atMs }, ctx) => {
      requireInterviewDatabase(ctx.db);
      markQuestion(ctx.db, ctx.session, recordingId, questionId, atMs, trailActor(ctx.db, ctx.session, ctx.actor), ctx.now().toISOString());
      return recordingView(ctx.db, recordingId);
    },
    audit: noMainAuditEntry,
  },
  'recordings.finish': {
    kind: 'command',
    scope: noPilot,
    run: ({ recordingId, durationMs }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const recording = visibleRecording(ctx.db, ctx.session, recordingId);
      if (recording.status === 'complete') return recordingView(ctx.db, recordingId); // a repeated stop
      finishRecording(ctx.db, recordingId, durationMs, trailActor(ctx.db, ctx.session, ctx.actor), ctx.now().toISOString());
      return recordingView(ctx.db, recordingId);
    },
    audit: noMainAuditEntry,
  },
  'recordings.list': {
    kind: 'query',
    scope: noPilot,
    run: ({ interviewId }, { db, session }) => {
      requireInterviewDatabase(db);
      visibleInterview(db, session, interviewId);
      return recordingsOf(db, interviewId);
    },
  },
  'recordings.interrupted': {
    kind: 'query',
    scope: noPilot,
    run: (_input, { db, session }) => {
      requireInterviewDatabase(db);
      return interruptedRecordings(db, sessionInterviewer(db, session));
    },
  },
  'recordings.keep': {
    kind: 'command',
    scope: noPilot,
    run: ({ recordingId }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const recording = visibleRecording(ctx.db, ctx.session, recordingId);
      requireInterrupted(ctx.db, recording);
      finishRecording(ctx.db, recordingId, undefined, trailActor(ctx.db, ctx.session, ctx.actor), ctx.now().toISOString());
      return recordingView(ctx.db, recordingId);
    },
    audit: noMainAuditEntry,
  },
  'recordings.import': {
    kind: 'command',
    scope: noPilot,
    run: ({ interviewId, fileName, bytesBase64 }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const actor = trailActor(ctx.db, ctx.session, ctx.actor);
      const id = importRecording(ctx.db, ctx.session, interviewId, fileName, decode(bytesBase64), actor, ctx.now().toISOString());
      return recordingView(ctx.db, id);
    },
    audit: noMainAuditEntry,
  },
  'recordings.remove': {
    kind: 'command',
    scope: noPilot,
    run: ({ recordingId }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const recording = visibleRecording(ctx.db, ctx.session, recordingId);
      deleteRecording(ctx.db, recordingId);
      audit(ctx.db, trailActor(ctx.db, ctx.session, ctx.actor), ctx.now().toISOString(), { action: 'recordings.remove', entityType: 'interview', entityId: recording.interviewId });
      return null;
    },
    audit: noMainAuditEntry,
  },
};
