/** Where the focus-group screens of a pilot live: the list, "new", a session, or its edit form. */
export const focusGroupsPath = (pilotId: number, rest: string | number = '') => `/pilots/${pilotId}/focus-groups${rest === '' ? '' : `/${rest}`}`;
