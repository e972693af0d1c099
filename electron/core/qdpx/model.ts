/**
 * A REFI-QDA project as this app exports it: the subset of QDA-XML 1.0 that closing interviews need.
 * Pure data; `project-xml.ts` turns it into `project.qde` and `package.ts` into the `.qdpx` zip.
 * Positions are Unicode code points from 0, end exclusive (as the standard counts them).
 */

export interface QdaUser {
  guid: string;
  name: string;
}

export interface QdaCode {
  guid: string;
  name: string;
  /** "#rrggbb". */
  colour: string;
  description: string;
  /** A note (memo) on the code, if any. */
  noteGuid?: string;
  children: QdaCode[];
}

export interface QdaVariable {
  guid: string;
  name: string;
  description: string;
}

export interface QdaCase {
  guid: string;
  name: string;
  description: string;
  /** Text values of project variables (e.g. the person's role). */
  values: { variableGuid: string; text: string }[];
  /** The sources about this person. */
  sourceGuids: string[];
}

export interface QdaSelection {
  guid: string;
  name: string;
  /** Code points from 0, end exclusive, into the source's text. */
  start: number;
  end: number;
  /** One Coding per code, each with exactly one CodeRef. */
  codings: { guid: string; codeGuid: string }[];
  noteGuids: string[];
}

export interface QdaTextSource {
  guid: string;
  name: string;
  description: string;
  /** The text as it goes into sources/<guid>.txt (LF line endings; normalised by the builder). */
  text: string;
  selections: QdaSelection[];
  noteGuids: string[];
}

export interface QdaSyncPoint {
  guid: string;
  /** Milliseconds from the start of the audio. */
  timeStampMs: number;
  /** Code-point position in the transcript text. */
  position: number;
}

export interface QdaAudioSource {
  guid: string;
  name: string;
  /** The file's extension, lower case without a dot ("webm", "m4a"). */
  extension: string;
  data: Uint8Array;
  /** The transcript's text source guid: the transcript shares the text source's file. */
  transcript?: { guid: string; textSourceGuid: string; syncPoints: QdaSyncPoint[] };
}

export interface QdaNote {
  guid: string;
  name: string;
  text: string;
}

export interface QdaProject {
  name: string;
  origin: string;
  createdAt: string;
  creatingUserGuid: string;
  description: string;
  users: QdaUser[];
  codes: QdaCode[];
  variables: QdaVariable[];
  cases: QdaCase[];
  textSources: QdaTextSource[];
  audioSources: QdaAudioSource[];
  notes: QdaNote[];
}
