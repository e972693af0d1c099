import { many, type ReadDb } from '../db/query';
import { NOT_CORRECTED } from './consent';
import type { ParticipantRole, ParticipantStatus } from '../../../shared/participants/contract';

/** A person as the research export reads them: the register row and their latest consent choices. */
export interface ResearchPerson {
  id: number;
  name: string;
  email: string;
  role: ParticipantRole;
  status: ParticipantStatus;
  department: string;
  level: string;
  characteristics: string[];
  consentState: string;
  /** Erased (the row kept, emptied, for their partner's pairs): in no file and not a name to look for. */
  erased: boolean;
  /** The latest consent record (the one that decides consent_state), or null when none is on record. */
  consent: { givenOn: string; takePart: boolean; researchUseOfLogs: boolean; audioRecording: boolean; directQuotes: boolean; archiving: boolean; withdrawn: boolean } | null;
}

interface Row {
  id: number;
  name: string;
  email: string;
  role: ParticipantRole;
  status: ParticipantStatus;
  department: string;
  level: string;
  characteristics: string;
  consent_state: string;
  erased: number;
  given_on: string | null;
  take_part: number | null;
  research_use_of_logs: number | null;
  audio_recording: number | null;
  direct_quotes: number | null;
  archiving: number | null;
  withdrawn_on: string | null;
}

const parseList = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

/** Everyone of the pilot, by id, with the consent record that decides their consent state (latest given, then latest recorded; a corrected record no longer counts). */
export function researchPeople(db: ReadDb, pilotId: number): ResearchPerson[] {
  const rows = many<Row>(
    db,
    `SELECT p.id, p.name, p.email, p.role, p.status, p.department, p.level, p.characteristics, p.consent_state, p.erased_at IS NOT NULL AS erased,
            latest.given_on, latest.take_part, latest.research_use_of_logs, latest.audio_recording, latest.direct_quotes, latest.archiving, latest.withdrawn_on
     FROM participants p
     LEFT JOIN consent_records latest ON latest.id = (
       SELECT c.id FROM consent_records c WHERE c.participant_id = p.id AND ${NOT_CORRECTED} ORDER BY c.given_on DESC, c.id DESC LIMIT 1)
     WHERE p.pilot_id = ? ORDER BY p.id`,
    [pilotId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    status: r.status,
    department: r.department,
    level: r.level,
    characteristics: parseList(r.characteristics),
    consentState: r.consent_state,
    erased: r.erased === 1,
    consent:
      r.given_on === null
        ? null
        : {
            givenOn: r.given_on,
            takePart: r.take_part === 1,
            researchUseOfLogs: r.research_use_of_logs === 1,
            audioRecording: r.audio_recording === 1,
            directQuotes: r.direct_quotes === 1,
            archiving: r.archiving === 1,
            withdrawn: r.withdrawn_on !== null,
          },
  }));
}
