/** The coordinator's settings: the time zone for today's date and calendar files. */
export { readSettings, todayFor } from './repository';
