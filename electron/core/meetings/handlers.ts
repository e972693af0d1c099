import type { FeatureHandlers, HandlerContext } from '../registry/types';
import type { meetingsContract, ShiftScope } from '../../../shared/meetings/contract';
import { AppError, notFound } from '../errors';
import { assertPilotExists, assertPilotWritable } from '../pilots/guard';
import { readSettings, todayFor } from '../settings/handlers';
import { writeExport } from '../exports/write-export';
import { person } from '../participants/roles';
import * as repo from './repository';
import { applyShift, planShift } from './contingency';
import { listMeetings, overview, pairProgress } from './overview';
import { calendarMeetings, meetingsCalendar } from './ics';

const today = (ctx: HandlerContext) => todayFor(ctx.db, ctx.now());
const iso = (ctx: HandlerContext) => ctx.now().toISOString();
const pilotOfMeeting = (ctx: HandlerContext, id: number) => repo.getMeeting(ctx.db, id, today(ctx)).pilotId;

function pilotOfPair(ctx: HandlerContext, pairId: number): number {
  const row = ctx.db.prepare('SELECT pilot_id FROM pairs WHERE id = ?').get(pairId) as { pilot_id: number } | undefined;
  if (!row) throw notFound('Pair', pairId);
  return row.pilot_id;
}

const shiftScopePilot = (ctx: HandlerContext, scope: ShiftScope): number => ('pilotId' in scope ? scope.pilotId : pilotOfPair(ctx, scope.pairId));

export const meetingHandlers: FeatureHandlers<keyof typeof meetingsContract> = {
  'meetings.overview': {
    kind: 'query',
    run: ({ pilotId }, ctx) => {
      assertPilotExists(ctx.db, pilotId);
      return overview(ctx.db, pilotId, today(ctx));
    },
  },
  'meetings.list': {
    kind: 'query',
    run: ({ pilotId, kind, offset, limit }, ctx) => {
      assertPilotExists(ctx.db, pilotId);
      return listMeetings(ctx.db, pilotId, kind, offset, limit, today(ctx));
    },
  },
  'meetings.pairProgress': {
    kind: 'query',
    run: ({ pilotId, offset, limit }, ctx) => {
      assertPilotExists(ctx.db, pilotId);
      return pairProgress(ctx.db, pilotId, offset, limit, today(ctx));
    },
  },
  'meetings.forPair': { kind: 'query', run: ({ pairId }, ctx) => repo.pairMeetings(ctx.db, pairId, today(ctx)) },
  'meetings.markHeld': {
    kind: 'command',
    run: ({ id, heldOn, actualDurationMin, note }, ctx) => {
      assertPilotWritable(ctx.db, pilotOfMeeting(ctx, id));
      return repo.markHeld(ctx.db, id, heldOn, actualDurationMin, note, iso(ctx), today(ctx));
    },
    audit: (input) => ({ action: 'meetings.markHeld', entityType: 'meeting', entityId: input.id }),
  },
  'meetings.cancel': {
    kind: 'command',
    run: ({ id, note }, ctx) => {
      assertPilotWritable(ctx.db, pilotOfMeeting(ctx, id));
      return repo.cancelMeeting(ctx.db, id, note, iso(ctx), today(ctx));
    },
    audit: (input) => ({ action: 'meetings.cancel', entityType: 'meeting', entityId: input.id }),
  },
  'meetings.restore': {
    kind: 'command',
    run: ({ id, note }, ctx) => {
      assertPilotWritable(ctx.db, pilotOfMeeting(ctx, id));
      return repo.restoreMeeting(ctx.db, id, note, iso(ctx), today(ctx));
    },
    audit: (input) => ({ action: 'meetings.restore', entityType: 'meeting', entityId: input.id }),
  },
  'meetings.reschedule': {
    kind: 'command',
    run: ({ id, ...changes }, ctx) => {
      assertPilotWritable(ctx.db, pilotOfMeeting(ctx, id));
      return repo.reschedule(ctx.db, id, changes, iso(ctx), today(ctx));
    },
    audit: (input) => ({ action: 'meetings.reschedule', entityType: 'meeting', entityId: input.id }),
  },
  'meetings.previewShift': {
    kind: 'query',
    run: ({ scope, from, shiftDays, switchToOnline }, ctx) => {
      const pilotId = shiftScopePilot(ctx, scope);
      assertPilotExists(ctx.db, pilotId);
      return planShift(ctx.db, pilotId, scope, from, shiftDays, switchToOnline);
    },
  },
  'meetings.applyShift': {
    kind: 'command',
    run: ({ scope, from, shiftDays, switchToOnline, note }, ctx) => {
      const pilotId = shiftScopePilot(ctx, scope);
      assertPilotWritable(ctx.db, pilotId);
      const changes = planShift(ctx.db, pilotId, scope, from, shiftDays, switchToOnline);
      applyShift(ctx.db, changes, note, iso(ctx));
      return changes;
    },
    audit: (input, changes) => ({ action: `meetings.applyShift(${changes.length})`, entityType: 'pilotId' in input.scope ? 'pilot' : 'pair', entityId: 'pilotId' in input.scope ? input.scope.pilotId : input.scope.pairId }),
  },
  'meetings.exportIcs': {
    kind: 'action',
    run: async (input, ctx) => {
      if ('pairId' in input) pilotOfPair(ctx, input.pairId);
      else person(ctx.db, input.participantId);
      const meetings = calendarMeetings(ctx.db, input);
      if (meetings.length === 0) throw new AppError('NOT_FOUND', 'There are no meetings to export yet.');
      const { folder, files } = await writeExport(ctx, {
        purpose: 'Choose a folder for the calendar file',
        // File names carry ids, not names: the file may end up in a shared calendar.
        render: () => [
          {
            name: 'pairId' in input ? `reciprocal-pair-${input.pairId}.ics` : `reciprocal-person-${input.participantId}.ics`,
            data: meetingsCalendar(calendarMeetings(ctx.db, input), readSettings(ctx.db).timeZone, ctx.session.vaultId, ctx.now()),
          },
        ],
        audit: { action: 'meetings.exportIcs', entityType: 'pairId' in input ? 'pair' : 'participant', entityId: 'pairId' in input ? input.pairId : input.participantId },
      });
      return { folder, files, events: meetings.length };
    },
  },
};
