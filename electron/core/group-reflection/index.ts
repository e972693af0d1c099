/** Group reflections for other features: erasure, the research export, subject access, the dashboard's week. */
export { countReflectionAttendanceOf, eraseReflectionAttendanceOf, redactNamesInGroupReflections, reflectionsAttendedBy } from './erasure';
export { eventsWithFindings as listGroupReflections, reflectionsBetween } from './repository';
