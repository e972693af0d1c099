import type { SubjectAccessDocument } from './collect';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (Array.isArray(value)) return value.join(', ');
  // Timestamps as date and time (UTC), which is what they are stored in.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`;
  return String(value);
};
const cell = (value: unknown) => `<td>${escapeHtml(shown(value))}</td>`;

function table(caption: string, headings: string[], rows: unknown[][], level: 2 | 3 | 4 = 2): string {
  const heading = `<h${level}>${escapeHtml(caption)}</h${level}>`;
  if (rows.length === 0) return `${heading}<p>None.</p>`;
  return `${heading}<table><thead><tr>${headings.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map(cell).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * The readable copy: one self-contained HTML page (no scripts, no outside resources) that opens in
 * any browser and prints cleanly. Everything in it is escaped: it holds free text people wrote.
 */
export function renderSubjectAccessHtml(doc: SubjectAccessDocument): string {
  const { record } = doc;
  const logs = doc.ownLogs
    .map(
      (log) =>
        `<article><h3>Log for the meeting on ${escapeHtml(log.meetingDate)} (${escapeHtml(log.state)})</h3>${
          log.state === 'not-provided'
            ? `<p>Not provided: ${escapeHtml(log.notProvidedReason ?? '')}</p>`
            : (
                [
                  ['Description', log.description],
                  ['Feelings', log.feelings],
                  ['Evaluation', log.evaluation],
                  ['Analysis', log.analysis],
                  ['Conclusion', log.conclusion],
                  ['Action plan', log.actionPlan],
                ] as const
              )
                .map(([label, text]) => `<h4>${label}</h4><p>${escapeHtml(text || '—')}</p>`)
                .join('')
        }</article>`,
    )
    .join('');
  const surveys = doc.surveyAnswers
    .map((response) => table(`Survey: ${response.wave} (${response.kind}, recorded ${response.recordedAt.slice(0, 10)})`, ['Question', 'Answer'], response.answers.map((a) => [a.question, a.answer]), 3))
    .join('');
  const interviews = doc.interviews
    .map((interview) => {
      const heading = `Closing interview on ${interview.scheduledOn} at ${interview.startsAt} with ${interview.interviewer} (${interview.status})`;
      const recordings = interview.recordings.map((r) => [r.recordedAt.slice(0, 10), r.source === 'imported' ? 'Imported from a file' : 'Recorded in Reciprocal', r.durationMs === null ? 'Length not known' : `${Math.round(r.durationMs / 1000)} seconds`]);
      return (
        table(heading, ['Question', 'Notes'], interview.notes.map((n) => [n.question, n.note]), 3) +
        (recordings.length ? table('Recordings of this interview (the audio is not copied here)', ['Date', 'Source', 'Length'], recordings, 4) : '') +
        (interview.transcript ? `<h4>Transcript</h4><p style="white-space:pre-wrap">${escapeHtml(interview.transcript)}</p>` : '')
      );
    })
    .join('');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Subject access: ${escapeHtml(record.name)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}h2{margin-top:2rem}article{border-top:1px solid #ccc}</style>
</head><body>
<h1>Subject access: ${escapeHtml(record.name)}</h1>
<p>${escapeHtml(doc.about)} The same information is in the JSON file beside this one.</p>
${table('Your record', ['Field', 'Value'], [
  ['Name', record.name],
  ['Email', record.email],
  ['Role', record.role],
  ['Department', record.department],
  ['Level', record.level],
  ['Status', record.status],
  ['Characteristics', record.characteristics],
  ['Topics', record.topics],
  ['Availability', record.availability],
  ['Notes', record.notes],
  ['Added', record.createdAt],
])}
${table('Consent history', ['Form version', 'Given on', 'Choices', 'Withdrawn on', 'Reason'], doc.consentHistory.map((c) => [c.formVersion, c.givenOn, Object.entries(c.choices).map(([k, v]) => `${k}: ${v ? 'yes' : 'no'}`), c.withdrawnOn, c.withdrawalReason]))}
${table('Status history', ['When', 'From', 'To', 'Reason'], doc.statusHistory.map((s) => [s.at, s.from, s.to, s.reason]))}
${table('Pairs', ['Your role', 'Partner', 'Confirmed', 'Ended', 'Why it ended'], doc.pairs.map((p) => [p.role, p.partnerName, p.confirmedAt, p.endedAt, p.endReason]))}
${table('Meetings', ['Date', 'Time', 'Minutes', 'Theme', 'Mode', 'Place', 'Status', 'Note'], doc.meetings.map((m) => [m.date, m.startTime, m.durationMin, m.theme, m.mode, m.location, m.status, m.note]))}
<h2>Your reflective logs</h2>${logs || '<p>None.</p>'}
<h2>Your survey answers</h2>${surveys || '<p>None.</p>'}
<h2>Your closing interviews</h2>${interviews || '<p>None.</p>'}
${table('Group reflections you attended', ['Date', 'Place'], doc.groupReflections.map((g) => [g.heldOn, g.place]))}
<h2>What is not in this document, and why</h2><ul>${doc.leftOut.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
</body></html>
`;
}
