/** The pilot's plan for other features: its default on creation, eligibility, meeting plan, themes, support protocol and safeguarding settings. */
export { insertDefaultPlan, getEligibility, getMeetingPlan, listThemes, countThemesInPilot, getSupportProtocol, getSafeguardingPlan } from './repository';
export { listMilestones, getPlan } from './repository';
