/** Focus groups have nothing other features need: themes read their findings in SQL (plan/repository.ts). */
export {};
export { countFocusGroupAttendanceOf, eraseFocusGroupAttendanceOf, redactNamesInFocusGroups } from './erasure';
export { listFocusGroups } from './repository';
