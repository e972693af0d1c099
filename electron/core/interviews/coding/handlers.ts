import type { FeatureHandlers } from '../../registry/types';
import { pilotScope } from '../../registry/scope';
import { AppError } from '../../errors';
import type { ReadDb } from '../../db/query';
import { listThemes } from '../../plan';
import { currentConsent, person } from '../../participants';
import type { transcriptsContract } from '../../../../shared/interviews/transcripts-contract';
import { codePointLength, sliceCodePoints } from '../../../../shared/interviews/code-points';
import { getInterview } from '../repository';
import { requireInterviewDatabase } from '../service';
import { transcriptOf } from '../transcripts/repository';
import {
  addExcerptCodes,
  codeById,
  codeNamesTaken,
  codePilot,
  deleteCode,
  deleteExcerpt,
  excerptAt,
  excerptById,
  excerptsOf,
  insertCode,
  insertExcerpt,
  listCodes,
  mergeCodes,
  pageExcerptsOfCode,
  replaceExcerptCodes,
  setExcerptMemo,
  themeIdsInCodebook,
  updateCode,
} from './repository';

type CodingChannel = Exclude<keyof typeof transcriptsContract, `transcripts.${string}`>;

/** Colours for codes started from themes, in turn: distinct, and dark text stays readable on each. */
export const CODE_PALETTE = ['#f6c85f', '#9fd0f0', '#b5e3a1', '#f4a6a6', '#d2b7f0', '#ffd8a8', '#a8e6e0', '#e6c9a8'];

const interviewPilot = (db: ReadDb, interviewId: number) => {
  requireInterviewDatabase(db);
  return getInterview(db, interviewId).pilotId;
};
const pilotOfCode = (db: ReadDb, codeId: number) => {
  requireInterviewDatabase(db);
  return codePilot(db, codeId);
};
const excerptPilot = (db: ReadDb, excerptId: number) => {
  requireInterviewDatabase(db);
  return getInterview(db, excerptById(db, excerptId).interviewId).pilotId;
};


/** Every code must be in the pilot's codebook (a code of another pilot does not exist here). */
function assertCodesOf(db: ReadDb, pilotId: number, codeIds: number[]): number[] {
  const unique = [...new Set(codeIds)];
  for (const id of unique) {
    const code = codeById(db, id);
    if (code.pilotId !== pilotId) throw new AppError('NOT_FOUND', `Code ${id} does not exist in this pilot’s codebook.`);
  }
  return unique;
}

const entry = (action: string, entityType: string, entityId: number) => ({ action, entityType, entityId });

/** Coding is the coordinator's analysis: coordinator-only channels, audited in the main trail (ids only). */
export const codingHandlers: FeatureHandlers<CodingChannel> = {
  'codebook.list': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    archived: 'allow',
    run: ({ pilotId }, { db }) => {
      requireInterviewDatabase(db);
      return listCodes(db, pilotId);
    },
  },
  'codebook.startFromThemes': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId }, ctx) => {
      requireInterviewDatabase(ctx.db);
      const inCodebook = themeIdsInCodebook(ctx.db, pilotId);
      const names = codeNamesTaken(ctx.db, pilotId);
      const now = ctx.now().toISOString();
      let added = 0;
      for (const theme of listThemes(ctx.db, pilotId)) {
        const name = theme.title.trim().slice(0, 100);
        // Two themes with one title, or a code already named like a theme, make one code.
        if (inCodebook.has(theme.id) || names.has(name.toLowerCase())) continue;
        names.add(name.toLowerCase());
        const id = insertCode(ctx.db, pilotId, { name, colour: CODE_PALETTE[names.size % CODE_PALETTE.length]!, description: theme.description.slice(0, 1000) }, theme.id, now);
        ctx.audit(entry('codebook.create', 'code', id));
        added++;
      }
      if (added === 0 && listThemes(ctx.db, pilotId).length === 0) {
        throw new AppError('NOT_FOUND', 'This pilot’s plan has no themes yet. Add themes in the plan, or add codes here; nothing was changed.');
      }
      return listCodes(ctx.db, pilotId);
    },
    audit: () => [],
  },
  'codebook.create': {
    kind: 'command',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId, ...fields }, ctx) => {
      requireInterviewDatabase(ctx.db);
      return codeById(ctx.db, insertCode(ctx.db, pilotId, fields, null, ctx.now().toISOString()));
    },
    audit: (_input, code) => entry('codebook.create', 'code', code.id),
  },
  'codebook.update': {
    kind: 'command',
    scope: pilotScope.of('codeId', pilotOfCode),
    run: ({ codeId, ...fields }, { db }) => {
      updateCode(db, codeId, fields);
      return codeById(db, codeId);
    },
    audit: ({ codeId }) => entry('codebook.update', 'code', codeId),
  },
  'codebook.merge': {
    kind: 'command',
    scope: pilotScope.of('codeId', pilotOfCode),
    run: ({ codeId, intoCodeId }, { db, pilotId }) => {
      if (codeId === intoCodeId) throw new AppError('INVALID_INPUT', 'Choose a different code to merge into; nothing was changed.', [{ path: ['intoCodeId'], message: 'Choose another code' }]);
      assertCodesOf(db, pilotId, [intoCodeId]);
      mergeCodes(db, codeId, intoCodeId);
      return codeById(db, intoCodeId);
    },
    audit: ({ codeId }) => entry('codebook.merge', 'code', codeId),
  },
  'codebook.remove': {
    kind: 'command',
    scope: pilotScope.of('codeId', pilotOfCode),
    run: ({ codeId }, { db }) => ({ excerptsRemoved: deleteCode(db, codeId) }),
    audit: ({ codeId }) => entry('codebook.remove', 'code', codeId),
  },
  'coding.excerpts': {
    kind: 'query',
    scope: pilotScope.of('interviewId', interviewPilot),
    archived: 'allow',
    run: ({ interviewId }, { db }) => excerptsOf(db, interviewId),
  },
  'coding.apply': {
    kind: 'command',
    scope: pilotScope.of('interviewId', interviewPilot),
    run: ({ interviewId, start, end, codeIds, memo }, { db, pilotId, now }) => {
      const body = transcriptOf(db, interviewId)?.body ?? '';
      const length = codePointLength(body);
      if (end <= start) throw new AppError('INVALID_INPUT', 'Select some transcript text to code; nothing was changed.', [{ path: ['end'], message: 'Empty selection' }]);
      if (end > length) throw new AppError('INVALID_INPUT', `The selection ends past the transcript’s end (${length} characters). Reload the transcript and select again; nothing was changed.`, [{ path: ['end'], message: 'Past the end' }]);
      if (sliceCodePoints(body, start, end).trim() === '') throw new AppError('INVALID_INPUT', 'The selection holds only spaces. Select words to code; nothing was changed.', [{ path: ['start'], message: 'Only spaces' }]);
      const codes = assertCodesOf(db, pilotId, codeIds);
      let id = excerptAt(db, interviewId, start, end);
      if (id === undefined) id = insertExcerpt(db, interviewId, start, end, memo, now().toISOString());
      else if (memo !== '') setExcerptMemo(db, id, memo);
      addExcerptCodes(db, id, codes);
      return excerptById(db, id);
    },
    audit: (_input, excerpt) => entry('coding.apply', 'excerpt', excerpt.id),
  },
  'coding.updateExcerpt': {
    kind: 'command',
    scope: pilotScope.of('excerptId', excerptPilot),
    run: ({ excerptId, codeIds, memo }, { db, pilotId }) => {
      replaceExcerptCodes(db, excerptId, assertCodesOf(db, pilotId, codeIds));
      setExcerptMemo(db, excerptId, memo);
      return excerptById(db, excerptId);
    },
    audit: ({ excerptId }) => entry('coding.updateExcerpt', 'excerpt', excerptId),
  },
  'coding.removeExcerpt': {
    kind: 'command',
    scope: pilotScope.of('excerptId', excerptPilot),
    run: ({ excerptId }, { db }) => {
      deleteExcerpt(db, excerptId);
      return null;
    },
    audit: ({ excerptId }) => entry('coding.removeExcerpt', 'excerpt', excerptId),
  },
  'coding.byCode': {
    kind: 'query',
    scope: pilotScope.of('codeId', pilotOfCode),
    archived: 'allow',
    run: ({ codeId, offset, limit }, { db }) => {
      const page = pageExcerptsOfCode(db, codeId, offset, limit);
      return {
        code: codeById(db, codeId),
        total: page.total,
        rows: page.rows.map(({ participantId, ...row }) => {
          // Quote consent is read live from the register, not from the interviewer's copy.
          const consent = currentConsent(db, participantId);
          const withdrawn = consent?.withdrawnOn != null || person(db, participantId).status === 'withdrawn';
          return { ...row, directQuotes: !withdrawn && (consent?.choices.directQuotes ?? false), withdrawn };
        }),
      };
    },
  },
};
