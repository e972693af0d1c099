/**
 * Where each screen lives (the app routes by the URL hash). Screens link to each other's screens
 * through these, never by importing each other.
 */

export const pilotsPath = (rest: 'new' | '' = '') => `/pilots${rest ? `/${rest}` : ''}`;
export const pilotPath = (pilotId: number, rest = '') => `/pilots/${pilotId}${rest ? `/${rest}` : ''}`;

export const planPath = (pilotId: number) => pilotPath(pilotId, 'plan');

/** The list, "new", a session, or its edit form ("12/edit"). */
export const focusGroupsPath = (pilotId: number, rest: string | number = '') => pilotPath(pilotId, `focus-groups${rest === '' ? '' : `/${rest}`}`);

/** The list, "new", "import", a person, or their edit form ("12/edit"). */
export const participantsPath = (pilotId: number, rest: string | number = '') => pilotPath(pilotId, `participants${rest === '' ? '' : `/${rest}`}`);

export const chemistryPath = (pilotId: number) => pilotPath(pilotId, 'chemistry');
export const trainingPath = (pilotId: number) => pilotPath(pilotId, 'training');
export const pairingPath = (pilotId: number, tab?: string) => pilotPath(pilotId, `pairing${tab && tab !== 'propose' ? `/${tab}` : ''}`);

export const meetingsPath = (pilotId: number, rest = '') => pilotPath(pilotId, `meetings${rest ? `/${rest}` : ''}`);
export const pairMeetingsPath = (pilotId: number, pairId: number) => meetingsPath(pilotId, `pairs/${pairId}`);
export const changeSchedulePath = (pilotId: number, pairId?: number) => `${meetingsPath(pilotId, 'change')}${pairId ? `?pair=${pairId}` : ''}`;

export const logsPath = (pilotId: number, tab?: string) => `${pilotPath(pilotId, 'logs')}${tab ? `?tab=${tab}` : ''}`;
export const writeLogPath = (pilotId: number, meetingId: number, authorId: number) => pilotPath(pilotId, `logs/write/${meetingId}/${authorId}`);

/** The safeguarding register (optionally filtered: "?status=open", "?overdue=1"), or one concern. */
export const safeguardingPath = (pilotId: number, rest: string | number = '') => pilotPath(pilotId, `safeguarding${rest === '' ? '' : `/${rest}`}`);

/** The pilot's first page (the dashboard). */
export const overviewPath = (pilotId: number) => pilotPath(pilotId, 'overview');
/** The surveys screen on a tab ("waves", "analysis", …). */
export const surveysPath = (pilotId: number, tab?: string) => `${pilotPath(pilotId, 'surveys')}${tab ? `?tab=${tab}` : ''}`;

/** Group reflection events: the list, "new", an event, or its edit form ("3/edit"). */
export const groupReflectionPath = (pilotId: number, rest: string | number = '') => pilotPath(pilotId, `group-reflection${rest === '' ? '' : `/${rest}`}`);
