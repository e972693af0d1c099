import { z } from 'zod';
import { channel } from '../contract/define';
import { byId, entityId, isoDate, optionalText, requiredText } from '../contract/common';
import { meetingMode } from '../meetings/contract';
import { confirmations } from '../contract/confirm';

export const DEFAULT_ELIGIBILITY = ['Ethnically minoritised', 'Mature (21+)', 'International', 'Widening participation'] as const;

export const meetingPlanSchema = z
  .object({
    meetingCount: z.number().int('Whole meetings only').min(1, 'At least 1 meeting').max(52, 'At most 52 meetings'),
    cadenceDays: z.number().int('Whole days only').min(1, 'At least 1 day between meetings').max(120, 'At most 120 days between meetings'),
    durationMin: z.number().int().min(15, 'Meetings last at least 15 minutes').max(480, 'At most 8 hours'),
    durationMax: z.number().int().min(15, 'Meetings last at least 15 minutes').max(480, 'At most 8 hours'),
    /** How a pair's generated meetings take place, and where: the place in person, the link online. */
    mode: meetingMode.default('in-person'),
    place: optionalText('Place', 500).default(''),
    onlineLink: optionalText('Online link', 500).default(''),
    /** Who may be paired: people met at a chemistry meeting (when the scheme holds them), and trained first (when it requires that). */
    chemistryBeforePairing: z.boolean().default(true),
    trainingBeforePairing: z.boolean().default(false),
  })
  .refine((p) => p.durationMax >= p.durationMin, { message: 'The longest duration must be at least the shortest', path: ['durationMax'] });
export type MeetingPlan = z.infer<typeof meetingPlanSchema>;
export const DEFAULT_MEETING_PLAN: MeetingPlan = { meetingCount: 4, cadenceDays: 14, durationMin: 60, durationMax: 90, mode: 'in-person', place: '', onlineLink: '', chemistryBeforePairing: true, trainingBeforePairing: false };

export const governanceSchema = z.object({
  ethicsReference: optionalText('Ethics approval reference', 200),
  retentionMonths: z.number().int('Whole months only').min(1, 'Keep data for at least 1 month').max(600, 'At most 50 years').nullable(),
});
export type Governance = z.infer<typeof governanceSchema>;

export const supportContactSchema = z.object({
  name: requiredText('Name', 200),
  role: optionalText('Role', 200).default(''),
  contact: optionalText('Contact details', 300).default(''),
});
export const supportProtocolSchema = z.object({
  contacts: z.array(supportContactSchema).max(50),
  escalationSteps: z.array(requiredText('Step', 1000)).max(50),
});
export type SupportProtocol = z.infer<typeof supportProtocolSchema>;

/** The university's own services a safeguarding concern can be referred to, and how long closed concerns are kept. */
export const referralServiceSchema = z.object({
  name: requiredText('Service', 200),
  contact: optionalText('Contact details', 300).default(''),
});
export const safeguardingPlanSchema = z.object({
  referralServices: z.array(referralServiceSchema).max(50, 'At most 50 services'),
  /** Months a closed concern is kept, separate from the research data's retention; null until decided. */
  concernRetentionMonths: z.number().int('Whole months only').min(1, 'Keep concerns for at least 1 month').max(600, 'At most 50 years').nullable(),
});
export type SafeguardingPlan = z.infer<typeof safeguardingPlanSchema>;

export const themeDraft = z.object({
  title: requiredText('Title', 200),
  description: optionalText('Description', 4000).default(''),
  iceBreakers: z.array(requiredText('Ice-breaker question', 1000)).max(30, 'At most 30 questions per theme').default([]),
});
export type ThemeDraft = z.input<typeof themeDraft>;

export const themeSchema = z.object({
  id: entityId,
  pilotId: entityId,
  title: z.string(),
  description: z.string(),
  iceBreakers: z.array(z.string()),
  position: z.number().int(),
  /** The focus-group findings that informed this theme. */
  findings: z.array(z.object({ id: entityId, text: z.string(), focusGroupId: entityId, heldOn: isoDate })),
});
export type Theme = z.infer<typeof themeSchema>;

export const milestoneStatus = z.enum(['done', 'late', 'due-soon', 'upcoming']);
export type MilestoneStatus = z.infer<typeof milestoneStatus>;
export const milestoneDraft = z.object({
  title: requiredText('Title', 200),
  dueOn: isoDate,
  doneOn: isoDate.nullable().default(null),
});
/** A due date outside the pilot's dates asks for confirmation (shared/contract/confirm.ts). */
export const milestoneConfirmations = confirmations(['outside-pilot']);
export const milestoneSchema = z.object({
  id: entityId,
  pilotId: entityId,
  title: z.string(),
  dueOn: isoDate,
  doneOn: isoDate.nullable(),
  status: milestoneStatus,
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const consentFormDraft = z.object({
  version: requiredText('Version', 40),
  datedOn: isoDate,
  text: requiredText('Form text', 50_000),
});
export const consentFormSchema = z.object({
  id: entityId,
  pilotId: entityId,
  version: z.string(),
  datedOn: isoDate,
  text: z.string(),
  /** Consent records given on this version; a used version can no longer be edited. */
  recordCount: z.number().int(),
});
export type ConsentForm = z.infer<typeof consentFormSchema>;

export const planSchema = z.object({
  pilotId: entityId,
  eligibility: z.array(z.string()),
  meetingPlan: meetingPlanSchema,
  governance: governanceSchema,
  support: supportProtocolSchema,
  safeguarding: safeguardingPlanSchema,
  themes: z.array(themeSchema),
  milestones: z.array(milestoneSchema),
  consentForms: z.array(consentFormSchema),
});
export type Plan = z.infer<typeof planSchema>;

const forPilot = { pilotId: entityId };

export const planContract = {
  'plan.get': channel({
    summary: 'The scheme plan of a pilot: eligibility, meeting plan, governance, support protocol, themes, timeline, consent forms.',
    input: z.object(forPilot).strict(),
    output: planSchema,
  }),
  'plan.setEligibility': channel({
    summary:
      'Replace the list of self-identified eligibility categories. A renamed category is renamed on everyone who has it; a category someone still has cannot be removed.',
    invalidates: ['plan', 'participants', 'matching'],
    input: z
      .object({
        ...forPilot,
        categories: z.array(requiredText('Category', 100)).max(40),
        /** Categories renamed in this change (old name → its name in `categories`); people who have one keep it under its new name. */
        renames: z.array(z.object({ from: requiredText('Old name', 100), to: requiredText('New name', 100) }).strict()).max(40).default([]),
      })
      .strict(),
    output: z.array(z.string()),
  }),
  'plan.setMeetingPlan': channel({
    summary: 'Set the number of meetings, their cadence in days and their duration range in minutes.',
    invalidates: ['plan'],
    input: z.object({ ...forPilot, meetingPlan: meetingPlanSchema }).strict(),
    output: meetingPlanSchema,
  }),
  'plan.setGovernance': channel({
    summary: 'Set the ethics approval reference and the retention period.',
    invalidates: ['plan'],
    input: z.object({ ...forPilot, governance: governanceSchema }).strict(),
    output: governanceSchema,
  }),
  'plan.setSupport': channel({
    summary: 'Replace the support protocol: who to turn to, and the escalation steps in order.',
    invalidates: ['plan'],
    input: z.object({ ...forPilot, support: supportProtocolSchema }).strict(),
    output: supportProtocolSchema,
  }),
  'plan.setSafeguarding': channel({
    summary: 'Replace the services concerns are referred to, and set how long closed concerns are kept.',
    invalidates: ['plan', 'safeguarding'],
    input: z.object({ ...forPilot, safeguarding: safeguardingPlanSchema }).strict(),
    output: safeguardingPlanSchema,
  }),
  'themes.create': channel({
    summary: 'Add a meeting theme with its ice-breaker questions.',
    invalidates: ['plan'],
    input: z.object({ ...forPilot, theme: themeDraft }).strict(),
    output: themeSchema,
  }),
  'themes.update': channel({
    summary: 'Change a theme’s title, description or ice-breakers.',
    invalidates: ['plan'],
    input: z.object({ id: entityId, theme: themeDraft }).strict(),
    output: themeSchema,
  }),
  'themes.delete': channel({
    summary: 'Remove a theme (its links to findings go with it; the findings stay).',
    invalidates: ['plan', 'focusGroups'],
    input: byId,
    output: z.null(),
  }),
  'themes.move': channel({
    summary: 'Move a theme up or down in the meeting order.',
    invalidates: ['plan'],
    input: z.object({ id: entityId, direction: z.enum(['up', 'down']) }).strict(),
    output: z.array(themeSchema),
  }),
  'milestones.create': channel({
    summary: 'Add a milestone to the timeline.',
    invalidates: ['plan'],
    input: z.object({ ...forPilot, milestone: milestoneDraft, confirmed: milestoneConfirmations }).strict(),
    output: milestoneSchema,
  }),
  'milestones.update': channel({
    summary: 'Change a milestone, or mark it done (doneOn) or not done (null).',
    invalidates: ['plan'],
    input: z.object({ id: entityId, milestone: milestoneDraft, confirmed: milestoneConfirmations }).strict(),
    output: milestoneSchema,
  }),
  'milestones.delete': channel({
    summary: 'Remove a milestone.',
    invalidates: ['plan'],
    input: byId,
    output: z.null(),
  }),
  'milestones.applyTemplate': channel({
    summary: 'Add the default timeline (call for interest … group reflection), on the academic calendar when it fits the pilot’s dates, else spread over them.',
    invalidates: ['plan'],
    input: z.object(forPilot).strict(),
    output: z.array(milestoneSchema),
  }),
  'consentForms.create': channel({
    summary: 'Add a consent form version (text, version label, date).',
    invalidates: ['plan'],
    input: z.object({ ...forPilot, form: consentFormDraft }).strict(),
    output: consentFormSchema,
  }),
  'consentForms.update': channel({
    summary: 'Correct a consent form version that no consent has been given on yet.',
    invalidates: ['plan'],
    input: z.object({ id: entityId, form: consentFormDraft }).strict(),
    output: consentFormSchema,
  }),
} as const;
