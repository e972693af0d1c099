import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { meetingsContract, ShiftScope } from '../../../shared/meetings/contract';
import type { ReadDb } from '../db/query';
import { AppError } from '../errors';
import { readSettings } from '../settings';
import { writeExport } from '../exports/write-export';
import { pairPilot } from '../matching';
import { participantPilot } from '../participants';
import * as repo from './repository';
import { applyShift, planShift } from './contingency';
import { listMeetings, overview, pairProgress } from './overview';
import { calendarMeetings, meetingsCalendar } from './ics';

const forPilot = pilotScope.fromInput('pilotId');
const ofMeeting = pilotScope.ofMeeting('id');
/** A shift covers a whole pilot or one pair of it. */
const shiftScope = pilotScope.resolvedBy((db: ReadDb, { scope }: { scope: ShiftScope }) => ('pilotId' in scope ? scope.pilotId : pairPilot(db, scope.pairId)));

export const meetingHandlers: FeatureHandlers<keyof typeof meetingsContract> = {
  'meetings.overview': {
    kind: 'query',
    scope: forPilot,
    run: (_input, { db, today, pilotId }) => overview(db, pilotId, today()),
  },
  'meetings.list': {
    kind: 'query',
    scope: forPilot,
    run: ({ kind, offset, limit }, { db, today, pilotId }) => listMeetings(db, pilotId, kind, offset, limit, today()),
  },
  'meetings.pairProgress': {
    kind: 'query',
    scope: forPilot,
    run: ({ offset, limit }, { db, today, pilotId }) => pairProgress(db, pilotId, offset, limit, today()),
  },
  'meetings.forPair': {
    kind: 'query',
    scope: pilotScope.ofPair('pairId'),
    run: ({ pairId }, { db, today }) => repo.pairMeetings(db, pairId, today()),
  },
  'meetings.markHeld': {
    kind: 'command',
    scope: ofMeeting,
    run: ({ id, heldOn, actualDurationMin, note }, { db, now, today }) => repo.markHeld(db, id, heldOn, actualDurationMin, note, now().toISOString(), today()),
    audit: (input) => ({ action: 'meetings.markHeld', entityType: 'meeting', entityId: input.id }),
  },
  'meetings.cancel': {
    kind: 'command',
    scope: ofMeeting,
    run: ({ id, note }, { db, now, today }) => repo.cancelMeeting(db, id, note, now().toISOString(), today()),
    audit: (input) => ({ action: 'meetings.cancel', entityType: 'meeting', entityId: input.id }),
  },
  'meetings.restore': {
    kind: 'command',
    scope: ofMeeting,
    run: ({ id, note }, { db, now, today }) => repo.restoreMeeting(db, id, note, now().toISOString(), today()),
    audit: (input) => ({ action: 'meetings.restore', entityType: 'meeting', entityId: input.id }),
  },
  'meetings.reschedule': {
    kind: 'command',
    scope: ofMeeting,
    run: ({ id, ...changes }, { db, now, today }) => repo.reschedule(db, id, changes, now().toISOString(), today()),
    audit: (input) => ({ action: 'meetings.reschedule', entityType: 'meeting', entityId: input.id }),
  },
  'meetings.undoHeld': {
    kind: 'command',
    scope: ofMeeting,
    run: ({ id }, { db, now, today }) => repo.undoHeld(db, id, now().toISOString(), today()),
    audit: (input) => ({ action: 'meetings.undoHeld', entityType: 'meeting', entityId: input.id }),
  },
  'meetings.previewShift': {
    kind: 'query',
    scope: shiftScope,
    run: ({ scope, from, shiftDays, switchToOnline }, { db, pilotId }) => planShift(db, pilotId, scope, from, shiftDays, switchToOnline),
  },
  'meetings.applyShift': {
    kind: 'command',
    scope: shiftScope,
    run: ({ scope, from, shiftDays, switchToOnline, note }, { db, now, pilotId }) => {
      const changes = planShift(db, pilotId, scope, from, shiftDays, switchToOnline);
      applyShift(db, changes, note, now().toISOString());
      return changes;
    },
    audit: (input, changes) => ({ action: `meetings.applyShift(${changes.length})`, entityType: 'pilotId' in input.scope ? 'pilot' : 'pair', entityId: 'pilotId' in input.scope ? input.scope.pilotId : input.scope.pairId }),
  },
  'meetings.exportIcs': {
    kind: 'action',
    // The pair, or the person, must exist; a calendar of an archived pilot may still be exported.
    scope: pilotScope.resolvedBy((db: ReadDb, who: { pairId: number } | { participantId: number }) => ('pairId' in who ? pairPilot(db, who.pairId) : participantPilot(db, who.participantId))),
    run: async (input, ctx) => {
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
