import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { planContract } from '../../../shared/plan/contract';
import { getPilot } from '../pilots';
import { defaultMilestones } from './milestone-template';
import { changeEligibility } from './eligibility';
import * as repo from './repository';
import { checkMilestoneDates } from './milestone-dates';

const pilotEvent = (action: string) => (input: { pilotId: number }) => ({ action, entityType: 'pilot', entityId: input.pilotId });
const forPilot = pilotScope.fromInput('pilotId');

export const planHandlers: FeatureHandlers<keyof typeof planContract> = {
  'plan.get': {
    kind: 'query',
    scope: forPilot,
    run: (_input, { db, today, pilotId }) => repo.getPlan(db, pilotId, today()),
  },
  'plan.setEligibility': {
    kind: 'command',
    scope: forPilot,
    run: ({ categories, renames }, ctx) => {
      const change = changeEligibility(ctx.db, ctx.pilotId, categories, renames, ctx.now().toISOString());
      // Each person whose record changed gets their own trail entry, like any other edit of their details.
      for (const id of change.movedPeople) ctx.audit({ action: 'participants.update', entityType: 'participant', entityId: id });
      return change.categories;
    },
    audit: pilotEvent('plan.setEligibility'),
  },
  'plan.setMeetingPlan': {
    kind: 'command',
    scope: forPilot,
    run: ({ meetingPlan }, { db, pilotId }) => repo.setMeetingPlan(db, pilotId, meetingPlan),
    audit: pilotEvent('plan.setMeetingPlan'),
  },
  'plan.setGovernance': {
    kind: 'command',
    scope: forPilot,
    run: ({ governance }, { db, pilotId }) => repo.setGovernance(db, pilotId, governance),
    audit: pilotEvent('plan.setGovernance'),
  },
  'plan.setSupport': {
    kind: 'command',
    scope: forPilot,
    run: ({ support }, { db, pilotId }) => repo.setSupport(db, pilotId, support),
    audit: pilotEvent('plan.setSupport'),
  },
  'plan.setSafeguarding': {
    kind: 'command',
    scope: forPilot,
    run: ({ safeguarding }, { db, pilotId }) => repo.setSafeguardingPlan(db, pilotId, safeguarding),
    audit: pilotEvent('plan.setSafeguarding'),
  },
  'themes.create': {
    kind: 'command',
    scope: forPilot,
    run: ({ theme }, { db, pilotId }) => repo.insertTheme(db, pilotId, theme),
    audit: (_input, theme) => ({ action: 'themes.create', entityType: 'theme', entityId: theme.id }),
  },
  'themes.update': {
    kind: 'command',
    scope: pilotScope.of('id', repo.themePilot),
    run: ({ id, theme }, { db }) => repo.updateTheme(db, id, theme),
    audit: (input) => ({ action: 'themes.update', entityType: 'theme', entityId: input.id }),
  },
  'themes.delete': {
    kind: 'command',
    scope: pilotScope.of('id', repo.themePilot),
    run: ({ id }, { db }) => {
      repo.deleteTheme(db, id);
      return null;
    },
    audit: (input) => ({ action: 'themes.delete', entityType: 'theme', entityId: input.id }),
  },
  'themes.move': {
    kind: 'command',
    scope: pilotScope.of('id', repo.themePilot),
    run: ({ id, direction }, { db }) => repo.moveTheme(db, id, direction),
    audit: (input) => ({ action: 'themes.move', entityType: 'theme', entityId: input.id }),
  },
  'milestones.create': {
    kind: 'command',
    scope: forPilot,
    run: ({ milestone, confirmed }, { db, today, pilotId }) => {
      checkMilestoneDates(db, pilotId, milestone, confirmed, today());
      return repo.insertMilestone(db, pilotId, milestone, today());
    },
    audit: (_input, m) => ({ action: 'milestones.create', entityType: 'milestone', entityId: m.id }),
  },
  'milestones.update': {
    kind: 'command',
    scope: pilotScope.of('id', repo.milestonePilot),
    run: ({ id, milestone, confirmed }, { db, today, pilotId }) => {
      checkMilestoneDates(db, pilotId, milestone, confirmed, today());
      return repo.updateMilestone(db, id, milestone, today());
    },
    audit: (input) => ({ action: 'milestones.update', entityType: 'milestone', entityId: input.id }),
  },
  'milestones.delete': {
    kind: 'command',
    scope: pilotScope.of('id', repo.milestonePilot),
    run: ({ id }, { db }) => {
      repo.deleteMilestone(db, id);
      return null;
    },
    audit: (input) => ({ action: 'milestones.delete', entityType: 'milestone', entityId: input.id }),
  },
  'milestones.applyTemplate': {
    kind: 'command',
    scope: forPilot,
    run: (_input, { db, today, pilotId }) => {
      const pilot = getPilot(db, pilotId);
      return repo.addMissingMilestones(db, pilotId, defaultMilestones(pilot.startDate, pilot.endDate), today());
    },
    audit: pilotEvent('milestones.applyTemplate'),
  },
  'consentForms.create': {
    kind: 'command',
    scope: forPilot,
    run: ({ form }, { db, pilotId }) => repo.insertConsentForm(db, pilotId, form),
    audit: (_input, form) => ({ action: 'consentForms.create', entityType: 'consent_form', entityId: form.id }),
  },
  'consentForms.update': {
    kind: 'command',
    scope: pilotScope.of('id', repo.consentFormPilot),
    run: ({ id, form }, { db }) => repo.updateConsentForm(db, id, form),
    audit: (input) => ({ action: 'consentForms.update', entityType: 'consent_form', entityId: input.id }),
  },
};
