import { renderPdf } from '../util/pdf';
import type { ErasureCertificate } from '../../../shared/erasure/contract';

const yes = (done: boolean) => (done ? 'done' : 'NOT done');

/** The certificate as the JSON file beside the PDF: the same facts, for a records system. */
export function certificateJson(certificate: ErasureCertificate): string {
  return `${JSON.stringify({ type: 'reciprocal-erasure-certificate', version: 1, ...certificate }, null, 2)}\n`;
}

/**
 * The erasure certificate: what kinds of data were erased and how many records, when, by whom, the
 * audit entry that records it, and the clean-up steps. No name, no content: it may be filed anywhere.
 */
export function renderCertificatePdf(certificate: ErasureCertificate): Promise<Buffer> {
  return renderPdf({ info: { Title: `Erasure certificate no. ${certificate.id}`, CreationDate: new Date(certificate.erasedAt) } }, (doc) => {
    doc.font('bold').fontSize(20).text(`Erasure certificate no. ${certificate.id}`);
    doc.moveDown(0.4).font('body').fontSize(11);
    const line = (label: string, text: string) => doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(text);
    line('What was erased', certificate.subject);
    line('Pilot', certificate.pilotName);
    line('When', `${certificate.erasedAt} (UTC)`);
    line('By', certificate.actor);
    line('Audit entry', `no. ${certificate.audit.seq}, hash ${certificate.audit.hash}`);

    doc.moveDown(0.8).font('bold').fontSize(13).text('Records erased');
    doc.moveDown(0.3).font('body').fontSize(11);
    if (certificate.counts.length === 0) doc.text('No records were held.');
    for (const { label, count } of certificate.counts) doc.text(`${label}: ${count}`);
    if (certificate.safeguardingKept > 0) doc.moveDown(0.3).text(`Safeguarding concerns kept (not confirmed for erasure): ${certificate.safeguardingKept}`);

    doc.moveDown(0.8).font('bold').fontSize(13).text('Deleted bytes removed from the vault');
    doc.moveDown(0.3).font('body').fontSize(11);
    doc.text(`Secure delete (freed space overwritten): ${yes(certificate.cleanup.secureDelete)}`);
    doc.text(`Search index rebuilt without the erased words: ${yes(certificate.cleanup.searchIndexRebuilt)}`);
    doc.text(`Database rebuilt from live records (VACUUM): ${yes(certificate.cleanup.vacuumed)}`);
    doc.text(`Write-ahead log checkpointed and emptied: ${yes(certificate.cleanup.walTruncated)}`);

    doc.moveDown(0.8).font('bold').fontSize(13).text('Backups');
    doc.moveDown(0.3).font('body').fontSize(11).text(certificate.backupsNote);
    doc.moveDown(1).fontSize(9).fillColor('#555555').text('This certificate holds no name and no content of what was erased. The audit entry can be checked with “vault check”.');
  });
}
