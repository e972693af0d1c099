import { renderPdf } from '../util/pdf';
import { gibbsLabels, gibbsStages, type ReflectiveLog } from '../../../shared/logs/contract';
import { formatLongDate as formatDate } from '../../../shared/dates';
import { plural } from '../../../shared/words';

/**
 * A participant's log book: their own submitted logs only, one after another, with the meeting's
 * date and theme — no partner's name, nothing written by anyone else.
 */
export function renderLogBook(args: { personName: string; pilotName: string; logs: ReflectiveLog[]; createdOn: Date }): Promise<Buffer> {
  return renderPdf({ info: { Title: `Reflective log book — ${args.personName}`, Author: args.personName, CreationDate: args.createdOn } }, (doc) => {
    doc.font('bold').fontSize(22).text('Reflective log book');
    doc.moveDown(0.3).font('body').fontSize(13).text(args.personName);
    doc.fontSize(10).fillColor('#555555').text(`${args.pilotName} · ${plural(args.logs.length, 'reflective log')} · made on ${formatDate(args.createdOn.toISOString().slice(0, 10))}`);
    doc.moveDown(0.5).text('Written after each meeting using Gibbs’ reflective cycle. These are your own words; keep them for applications and reflection.');
    doc.fillColor('#000000');
    for (const log of args.logs) {
      doc.addPage();
      doc.font('bold').fontSize(15).text(`Meeting ${log.sequence}: ${log.themeTitle}`);
      doc.font('body').fontSize(10).fillColor('#555555').text(formatDate(log.meetingDate)).fillColor('#000000');
      for (const stage of gibbsStages) {
        const text = log.stages[stage].trim();
        if (!text) continue;
        doc.moveDown(0.8).font('bold').fontSize(11).text(gibbsLabels[stage]);
        doc.moveDown(0.2).font('body').fontSize(11).text(text, { align: 'left', lineGap: 2 });
      }
    }
  });
}
