import { renderPdf, type PdfDoc as Doc } from '../util/pdf';
import type { SponsorReport } from '../../../shared/reports/contract';
import { cellWords, divergingParts, groupWords, medianWords, ofWords, pWords, recruitmentRows, roleWords } from '../../../shared/reports/words';
import { formatLongDate } from '../../../shared/dates';
import { count } from '../../../shared/words';

const INK = '#1d2126';
const MUTED = '#545b64';
const ACCENT = '#0b6660';
const WORSE = '#b5562b';
const SAME = '#b9bec4';
const IMPROVED = '#0b6660';
const RULE = '#d4d6d9';


/**
 * The sponsor report as a PDF: a title block with the pilot, the date and the ethics reference, then
 * short sections with numbers and their denominators, small groups as "fewer than N", and the survey
 * change per item as diverging bars drawn with the vector API from the same figures as the screen.
 */
export function renderSponsorPdf(report: SponsorReport): Promise<Buffer> {
  const info = { Title: `Report for sponsors — ${report.pilotName}`, Author: 'Reciprocal', CreationDate: new Date(`${report.madeOn}T12:00:00Z`) };
  return renderPdf({ info, verticalMargin: 60 }, (doc) => {
    titleBlock(doc, report);
    recruitment(doc, report);
    meetingsAndLogs(doc, report);
    themes(doc, report);
    surveys(doc, report);
  });
}

const width = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const left = (doc: Doc) => doc.page.margins.left;

/** Starts a new page when fewer than `needed` points are left. */
function room(doc: Doc, needed: number) {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: Doc, text: string) {
  room(doc, 90);
  doc.moveDown(1.2).font('bold').fontSize(14).fillColor(ACCENT).text(text, left(doc));
  doc.moveDown(0.3).fillColor(INK);
}

function paragraph(doc: Doc, text: string, color = INK, size = 10.5) {
  doc.font('body').fontSize(size).fillColor(color).text(text, left(doc), doc.y, { width: width(doc), lineGap: 2 });
  doc.fillColor(INK);
}

function titleBlock(doc: Doc, report: SponsorReport) {
  doc.font('body').fontSize(10).fillColor(MUTED).text('REVERSE MENTORING PILOT · REPORT FOR SPONSORS', { characterSpacing: 0.5 });
  doc.moveDown(0.4).font('bold').fontSize(24).fillColor(INK).text(report.pilotName);
  doc.moveDown(0.3).font('body').fontSize(11).fillColor(MUTED);
  doc.text(`${formatLongDate(report.period.startDate)} to ${formatLongDate(report.period.endDate)} · report made on ${formatLongDate(report.madeOn)}`);
  doc.text(report.ethicsReference ? `Ethics approval reference: ${report.ethicsReference}` : 'Ethics approval reference: not recorded in the plan');
  const y = doc.y + 10;
  doc.moveTo(left(doc), y).lineTo(left(doc) + width(doc), y).lineWidth(1).strokeColor(RULE).stroke();
  doc.y = y + 12;
  paragraph(
    doc,
    `In this scheme students mentor members of staff. This report gives aggregate figures only: it names nobody and quotes nobody. Any group of fewer than ${report.threshold} people is shown as “fewer than ${report.threshold}”, and where that number could be worked out from a total, a second figure is held back too.`,
    MUTED,
    10,
  );
}

function recruitment(doc: Doc, report: SponsorReport) {
  heading(doc, 'Recruitment and retention');
  const labelWidth = width(doc) * 0.54;
  const columnWidth = (width(doc) - labelWidth) / 2;
  const x0 = left(doc);
  let y = doc.y;
  doc.font('bold').fontSize(10).fillColor(MUTED);
  const headerHeight = Math.max(...report.recruitment.map((row) => doc.heightOfString(roleWords[row.role], { width: columnWidth - 8 })));
  report.recruitment.forEach((row, i) => doc.text(roleWords[row.role], x0 + labelWidth + i * columnWidth, y, { width: columnWidth - 8, align: 'right' }));
  y += headerHeight + 8;
  for (const [key, label] of recruitmentRows) {
    doc.moveTo(x0, y - 4).lineTo(x0 + width(doc), y - 4).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('body').fontSize(10.5).fillColor(INK).text(label, x0, y, { width: labelWidth - 8 });
    report.recruitment.forEach((row, i) => doc.text(cellWords(row[key], report.threshold), x0 + labelWidth + i * columnWidth, y, { width: columnWidth - 8, align: 'right' }));
    y += 20;
  }
  doc.y = y + 2;
  paragraph(doc, 'Numbers of people at each step, by role. “Paired” counts everyone ever placed in a confirmed pair; of them, the last two lines show who stayed and who left.', MUTED, 9.5);
}

function meetingsAndLogs(doc: Doc, report: SponsorReport) {
  heading(doc, 'Meetings and reflective logs');
  const { meetings, logs } = report;
  paragraph(doc, `Meetings held: ${ofWords(meetings.held, meetings.planned)} meetings planned so far, across ${count(meetings.pairs)} current pairs; ${count(meetings.cancelled)} cancelled.`);
  doc.moveDown(0.3);
  paragraph(doc, `Reflective logs returned: ${ofWords(logs.submitted, logs.due)} due (each person writes one after every meeting held).`);
}

function themes(doc: Doc, report: SponsorReport) {
  heading(doc, 'Themes covered');
  if (report.themes.length === 0) return paragraph(doc, 'No meeting has been held yet.', MUTED);
  paragraph(doc, 'Meetings held on each of the scheme’s themes:', MUTED, 9.5);
  doc.moveDown(0.3);
  const most = Math.max(...report.themes.map((t) => t.held));
  for (const theme of report.themes) {
    room(doc, 20);
    const y = doc.y;
    const barX = left(doc) + width(doc) * 0.45;
    const barWidth = width(doc) * 0.4;
    doc.font('body').fontSize(10.5).fillColor(INK).text(theme.title, left(doc), y, { width: width(doc) * 0.43, lineBreak: false, ellipsis: true });
    doc.rect(barX, y + 2, Math.max(1, (theme.held / most) * barWidth), 9).fillColor(ACCENT).fill();
    doc.fillColor(INK).text(count(theme.held), barX + barWidth + 8, y, { width: width(doc) * 0.15 - 8 });
    doc.y = y + 18;
  }
}

function surveys(doc: Doc, report: SponsorReport) {
  room(doc, 240); // the introduction stays with its first item
  heading(doc, 'What changed: the surveys');
  const { comparison, items, counted } = report.surveys;
  if (!comparison) return paragraph(doc, 'No two survey waves can be compared yet: the change is reported once a questionnaire has been answered before and after.', MUTED);
  paragraph(
    doc,
    `“${comparison.before.title}” compared with “${comparison.after.title}”, for the ${cellWords(counted, report.threshold)} people who answered both and whose consent covers research use. Each bar shows how many people’s answer moved towards agreement (improved, right), stayed the same (middle) or moved away (worse, left). The Wilcoxon signed-rank test asks whether the change is larger than chance would give.`,
    MUTED,
    9.5,
  );
  legend(doc);
  for (const item of items) {
    // An item for both roles is reported for everyone; an item for one role, for that role.
    const group = item.groups.find((g) => g.group === 'everyone') ?? item.groups[0];
    if (!group) continue;
    room(doc, 86);
    doc.moveDown(0.8);
    doc.font('bold').fontSize(10.5).fillColor(INK).text(item.text, left(doc), doc.y, { width: width(doc) });
    doc.font('body').fontSize(9).fillColor(MUTED).text(groupWords[group.group]);
    doc.moveDown(0.2);
    const people = `${cellWords(group.pairs, report.threshold)} people answered in both waves`;
    const result = group.result;
    if (!result) {
      paragraph(doc, `${people}: too few to report.`, MUTED, 9.5);
      continue;
    }
    const parts = divergingParts(result);
    if (parts) bar(doc, parts);
    const moved = parts ? `${count(parts.improved)} improved, ${count(parts.same)} no change, ${count(parts.worse)} worse` : `how answers moved is not shown: part of it describes fewer than ${report.threshold} people`;
    const line = [people, moved, medianWords(result.medianBefore, result.medianAfter), `${pWords(result.pvalue)} (${result.method === 'exact' ? 'exact test' : result.method === 'none' ? 'no test' : 'normal approximation'})`, result.effectWords].filter(Boolean).join(' · ');
    paragraph(doc, line, MUTED, 9);
  }
}

function legend(doc: Doc) {
  doc.moveDown(0.5);
  const y = doc.y;
  let x = left(doc);
  for (const [label, color] of [
    ['Worse', WORSE],
    ['No change', SAME],
    ['Improved', IMPROVED],
  ] as const) {
    doc.rect(x, y + 2, 10, 8).fillColor(color).fill();
    doc.font('body').fontSize(9).fillColor(MUTED).text(label, x + 14, y, { lineBreak: false });
    x += 14 + doc.widthOfString(label) + 18;
  }
  doc.y = y + 14;
}

/** One diverging bar: the centre line is "no change"'s middle; worse runs left of it, improved right. */
function bar(doc: Doc, parts: { worse: number; same: number; improved: number; total: number }) {
  const y = doc.y + 2;
  const half = width(doc) / 2;
  const centre = left(doc) + half;
  const scale = half / parts.total;
  const sameHalf = (parts.same * scale) / 2;
  doc.rect(centre - sameHalf - parts.worse * scale, y, parts.worse * scale, 12).fillColor(WORSE).fill();
  doc.rect(centre - sameHalf, y, sameHalf * 2, 12).fillColor(SAME).fill();
  doc.rect(centre + sameHalf, y, parts.improved * scale, 12).fillColor(IMPROVED).fill();
  doc.moveTo(centre, y - 3).lineTo(centre, y + 15).lineWidth(0.75).strokeColor(INK).stroke();
  doc.y = y + 18;
}
