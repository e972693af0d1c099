import { tuples, type ReadDb } from '../db/query';
import type { ParticipantRole, ParticipantStatus } from '../../../shared/participants/contract';
import type { Audience } from '../../../shared/surveys/contract';
import { CONSENT_NOT_CORRECTED } from '../participants';

/**
 * Who counts where, by consent (PRODUCT.md: each kind of data goes out only under the consent that
 * covers it). A person counts in the analysis, and their free text is listed, only while their
 * latest consent agrees to take part and to research use and has not been withdrawn, and they have
 * not withdrawn from the scheme. The consent form's one research-use choice ("research use of
 * reflective logs") is read as covering their survey answers too: the form has no separate choice.
 */
export type ResearchStanding = 'covered' | 'no-consent' | 'withdrawn';

export interface SurveyPerson {
  id: number;
  role: ParticipantRole;
  standing: ResearchStanding;
}

const standingOf = (status: ParticipantStatus, consentState: string, research: number | undefined): ResearchStanding => {
  if (status === 'withdrawn' || consentState === 'withdrawn') return 'withdrawn';
  return consentState === 'given' && research === 1 ? 'covered' : 'no-consent';
};

/** Everyone of the pilot with their role and research standing, by id. */
export function researchStandings(db: ReadDb, pilotId: number): Map<number, SurveyPerson> {
  // The latest consent record decides (as it decides consent_state): read in date order, the last one per person stays.
  const research = new Map<number, number>();
  for (const [participantId, agreed] of tuples<[number, number]>(
    db,
    `SELECT c.participant_id, c.research_use_of_logs FROM consent_records c JOIN participants p ON p.id = c.participant_id WHERE p.pilot_id = ? AND ${CONSENT_NOT_CORRECTED} ORDER BY c.participant_id, c.given_on, c.id`,
    [pilotId],
  )) {
    research.set(participantId, agreed);
  }
  const rows = tuples<[number, ParticipantRole, ParticipantStatus, string]>(db, 'SELECT id, role, status, consent_state FROM participants WHERE pilot_id = ?', [pilotId]);
  return new Map(rows.map(([id, role, status, consentState]) => [id, { id, role, standing: standingOf(status, consentState, research.get(id)) }]));
}

/** The roles an audience covers. */
export const rolesOf = (audience: Audience): ParticipantRole[] => (audience === 'both' ? ['mentor', 'mentee'] : audience === 'mentors' ? ['mentor'] : ['mentee']);

/** Still taking part: not withdrawn from the scheme, and consent neither withdrawn nor declined. SQL over `participants p`. */
export const TAKING_PART = "p.status <> 'withdrawn' AND p.consent_state NOT IN ('withdrawn', 'declined')";
