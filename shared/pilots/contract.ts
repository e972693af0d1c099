import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, entityId, isoDate, optionalText, requiredText, timestamp } from '../contract/common';

export const pilotStatuses = ['planning', 'recruiting', 'running', 'closing', 'completed'] as const;
export const pilotStatus = z.enum(pilotStatuses);
export type PilotStatus = z.infer<typeof pilotStatus>;

export const pilotStatusLabels: Record<PilotStatus, string> = {
  planning: 'Planning',
  recruiting: 'Recruiting',
  running: 'Running',
  closing: 'Closing',
  completed: 'Completed',
};

const pilotFields = z.object({
  name: requiredText('Name', 120),
  purpose: optionalText('Purpose', 4000),
  startDate: isoDate,
  endDate: isoDate,
  status: pilotStatus,
});

const endNotBeforeStart = (value: { startDate?: string; endDate?: string }) =>
  !value.startDate || !value.endDate || value.endDate >= value.startDate;
const endDateIssue = { message: 'The end date must be on or after the start date', path: ['endDate'] };

// Defaults belong to creation only: on an update, a field left out keeps its stored value.
export const pilotDraft = pilotFields
  .extend({ purpose: pilotFields.shape.purpose.default(''), status: pilotFields.shape.status.default('planning') })
  .strict()
  .refine(endNotBeforeStart, endDateIssue);
export type PilotDraft = z.input<typeof pilotDraft>;

export const pilotChanges = pilotFields.partial().strict().refine(endNotBeforeStart, endDateIssue);
export type PilotChanges = z.input<typeof pilotChanges>;

export const pilotSchema = z.object({
  id: entityId,
  name: z.string(),
  purpose: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  status: pilotStatus,
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Pilot = z.infer<typeof pilotSchema>;

export const pilotsContract = {
  'pilots.list': channel({
    summary: 'Pilots (schemes or rounds) in the vault, newest start first; archived ones only when asked.',
    input: z.object({ includeArchived: z.boolean().default(false) }).strict(),
    output: z.array(pilotSchema),
  }),
  'pilots.get': channel({
    summary: 'One pilot by id.',
    input: byId,
    output: pilotSchema,
  }),
  'pilots.create': channel({
    summary: 'Create a pilot: name, purpose, start and end dates, status.',
    invalidates: ['pilots'],
    input: pilotDraft,
    output: pilotSchema,
  }),
  'pilots.update': channel({
    summary: 'Change some of a pilot’s fields.',
    invalidates: ['pilots'],
    input: z.object({ id: entityId, changes: pilotChanges }).strict(),
    output: pilotSchema,
  }),
  'pilots.archive': channel({
    summary: 'Archive a pilot: hidden from the working lists, kept whole, and restorable.',
    invalidates: ['pilots'],
    input: byId,
    output: pilotSchema,
  }),
  'pilots.restore': channel({
    summary: 'Bring an archived pilot back to the working lists.',
    invalidates: ['pilots'],
    input: byId,
    output: pilotSchema,
  }),
} as const;
