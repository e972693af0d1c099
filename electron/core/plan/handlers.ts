import type { FeatureHandlers, HandlerContext } from '../registry/types';
import type { planContract } from '../../../shared/plan/contract';
import { assertPilotExists, assertPilotWritable } from '../pilots/guard';
import { getPilot } from '../pilots/repository';
import { todayFor } from '../settings/handlers';
import { defaultMilestones } from './milestone-template';
import { changeEligibility } from './eligibility';
import * as repo from './repository';

const today = (ctx: HandlerContext) => todayFor(ctx.db, ctx.now());
const pilotEvent = (action: string) => (input: { pilotId: number }) => ({ action, entityType: 'pilot', entityId: input.pilotId });

export const planHandlers: FeatureHandlers<keyof typeof planContract> = {
  'plan.get': {
    kind: 'query',
    run: ({ pilotId }, ctx) => {
      assertPilotExists(ctx.db, pilotId);
      return repo.getPlan(ctx.db, pilotId, today(ctx));
    },
  },
  'plan.setEligibility': {
    kind: 'command',
    run: ({ pilotId, categories, renames }, ctx) => {
      assertPilotWritable(ctx.db, pilotId);
      const change = changeEligibility(ctx.db, pilotId, categories, renames, ctx.now().toISOString());
      // Each person whose record changed gets their own trail entry, like any other edit of their details.
      for (const id of change.movedPeople) ctx.audit({ action: 'participants.update', entityType: 'participant', entityId: id });
      return change.categories;
    },
    audit: pilotEvent('plan.setEligibility'),
  },
  'plan.setMeetingPlan': {
    kind: 'command',
    run: ({ pilotId, meetingPlan }, { db }) => {
      assertPilotWritable(db, pilotId);
      return repo.setMeetingPlan(db, pilotId, meetingPlan);
    },
    audit: pilotEvent('plan.setMeetingPlan'),
  },
  'plan.setGovernance': {
    kind: 'command',
    run: ({ pilotId, governance }, { db }) => {
      assertPilotWritable(db, pilotId);
      return repo.setGovernance(db, pilotId, governance);
    },
    audit: pilotEvent('plan.setGovernance'),
  },
  'plan.setSupport': {
    kind: 'command',
    run: ({ pilotId, support }, { db }) => {
      assertPilotWritable(db, pilotId);
      return repo.setSupport(db, pilotId, support);
    },
    audit: pilotEvent('plan.setSupport'),
  },
  'themes.create': {
    kind: 'command',
    run: ({ pilotId, theme }, { db }) => {
      assertPilotWritable(db, pilotId);
      return repo.insertTheme(db, pilotId, theme);
    },
    audit: (_input, theme) => ({ action: 'themes.create', entityType: 'theme', entityId: theme.id }),
  },
  'themes.update': {
    kind: 'command',
    run: ({ id, theme }, { db }) => {
      assertPilotWritable(db, repo.themePilot(db, id));
      return repo.updateTheme(db, id, theme);
    },
    audit: (input) => ({ action: 'themes.update', entityType: 'theme', entityId: input.id }),
  },
  'themes.delete': {
    kind: 'command',
    run: ({ id }, { db }) => {
      assertPilotWritable(db, repo.themePilot(db, id));
      repo.deleteTheme(db, id);
      return null;
    },
    audit: (input) => ({ action: 'themes.delete', entityType: 'theme', entityId: input.id }),
  },
  'themes.move': {
    kind: 'command',
    run: ({ id, direction }, { db }) => {
      assertPilotWritable(db, repo.themePilot(db, id));
      return repo.moveTheme(db, id, direction);
    },
    audit: (input) => ({ action: 'themes.move', entityType: 'theme', entityId: input.id }),
  },
  'milestones.create': {
    kind: 'command',
    run: ({ pilotId, milestone }, ctx) => {
      assertPilotWritable(ctx.db, pilotId);
      return repo.insertMilestone(ctx.db, pilotId, milestone, today(ctx));
    },
    audit: (_input, m) => ({ action: 'milestones.create', entityType: 'milestone', entityId: m.id }),
  },
  'milestones.update': {
    kind: 'command',
    run: ({ id, milestone }, ctx) => {
      assertPilotWritable(ctx.db, repo.milestonePilot(ctx.db, id));
      return repo.updateMilestone(ctx.db, id, milestone, today(ctx));
    },
    audit: (input) => ({ action: 'milestones.update', entityType: 'milestone', entityId: input.id }),
  },
  'milestones.delete': {
    kind: 'command',
    run: ({ id }, { db }) => {
      assertPilotWritable(db, repo.milestonePilot(db, id));
      db.prepare('DELETE FROM milestones WHERE id = ?').run(id);
      return null;
    },
    audit: (input) => ({ action: 'milestones.delete', entityType: 'milestone', entityId: input.id }),
  },
  'milestones.applyTemplate': {
    kind: 'command',
    run: ({ pilotId }, ctx) => {
      assertPilotWritable(ctx.db, pilotId);
      const existing = new Set(repo.listMilestones(ctx.db, pilotId, today(ctx)).map((m) => m.title.toLowerCase()));
      // Re-applying adds only what is missing, so it is safe to press twice.
      const pilot = getPilot(ctx.db, pilotId);
      for (const m of defaultMilestones(pilot.startDate, pilot.endDate)) {
        if (!existing.has(m.title.toLowerCase())) repo.insertMilestone(ctx.db, pilotId, { ...m, doneOn: null }, today(ctx));
      }
      return repo.listMilestones(ctx.db, pilotId, today(ctx));
    },
    audit: pilotEvent('milestones.applyTemplate'),
  },
  'consentForms.create': {
    kind: 'command',
    run: ({ pilotId, form }, { db }) => {
      assertPilotWritable(db, pilotId);
      return repo.insertConsentForm(db, pilotId, form);
    },
    audit: (_input, form) => ({ action: 'consentForms.create', entityType: 'consent_form', entityId: form.id }),
  },
  'consentForms.update': {
    kind: 'command',
    run: ({ id, form }, { db }) => {
      assertPilotWritable(db, repo.getConsentForm(db, id).pilotId);
      return repo.updateConsentForm(db, id, form);
    },
    audit: (input) => ({ action: 'consentForms.update', entityType: 'consent_form', entityId: input.id }),
  },
};
