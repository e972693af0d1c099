import type { ReadDb } from '../db/query';
import { pseudonymCoder } from '../pseudonyms';
import type { FreeTextAnswers, Wave } from '../../../shared/surveys/contract';
import { currentVersion, versionItems } from './instruments';
import { researchStandings } from './people';
import { textAnswerCounts, textAnswers } from './responses';

/**
 * A wave's free-text answers, listed (not analysed) with each person's pseudonym code instead of
 * their name, and only where their consent covers research use; the others are counted, by reason.
 */
export function freeTextAnswers(db: ReadDb, wave: Wave, offset: number, limit: number): FreeTextAnswers {
  const standings = researchStandings(db, wave.pilotId);
  const notShown = { noConsent: 0, withdrawn: 0 };
  const covered: number[] = [];
  for (const [participantId, answers] of textAnswerCounts(db, wave.id)) {
    const standing = standings.get(participantId)?.standing ?? 'no-consent';
    if (standing === 'covered') covered.push(participantId);
    else if (standing === 'withdrawn') notShown.withdrawn += answers;
    else notShown.noConsent += answers;
  }
  const { rows, total } = textAnswers(db, wave.id, covered, offset, limit);
  const codeOf = pseudonymCoder(db);
  const items = versionItems(db, currentVersion(db, wave.instrumentId).id)
    .filter((item) => item.kind === 'text')
    .map((item) => ({ id: item.id, text: item.text }));
  // Items answered in an earlier version but since removed still name their question.
  const named = new Set(items.map((i) => i.id));
  return {
    items: [...items, ...[...new Set(rows.map((r) => r.itemId))].filter((id) => !named.has(id)).map((id) => ({ id, text: 'A question no longer in the questionnaire' }))],
    answers: rows.map((row) => ({ code: codeOf(row.participantId), role: standings.get(row.participantId)!.role, itemId: row.itemId, text: row.text })),
    offset,
    total,
    notShown,
  };
}
