/**
 * The pilot's stages, in the order the coordinator works through them (PRODUCT.md). A stage is
 * listed once its screens exist; the sidebar and the routes both read this list.
 */
export const pilotStages = [
  { path: 'overview', label: 'Overview' },
  { path: 'plan', label: 'Plan and timeline' },
  { path: 'focus-groups', label: 'Focus groups' },
  { path: 'participants', label: 'Participants' },
  { path: 'chemistry', label: 'Chemistry meetings' },
  { path: 'training', label: 'Training' },
  { path: 'pairing', label: 'Pairing' },
  { path: 'meetings', label: 'Meetings' },
  { path: 'logs', label: 'Reflective logs' },
  { path: 'surveys', label: 'Surveys' },
  { path: 'interviews', label: 'Closing interviews' },
  { path: 'group-reflection', label: 'Group reflection' },
  { path: 'safeguarding', label: 'Safeguarding' },
  { path: 'sponsor-report', label: 'Sponsor report' },
  { path: 'research-export', label: 'Research export' },
] as const;
