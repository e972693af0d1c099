import type { Migration } from '../migrations';
import { interviewFoundation } from './001-interviews';
import { interviewRecordings } from './002-recordings';
import { interviewTranscriptsCoding } from './003-transcripts-coding';

/**
 * The interview database's own numbered steps (its own `user_version`), applied by the same
 * `migrate` as the main database's. Never edit a released step: add a new one.
 */
export const interviewMigrations: Migration[] = [interviewFoundation, interviewRecordings, interviewTranscriptsCoding];

export const LATEST_INTERVIEW_SCHEMA_VERSION = interviewMigrations.at(-1)!.version;
