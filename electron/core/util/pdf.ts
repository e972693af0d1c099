import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The set-up every PDF Reciprocal writes shares (log books, the sponsor report, erasure
 * certificates): A4, the margins, the document's metadata, and the two embedded fonts, `body` and
 * `bold`. The PDF is built in memory and handed back whole, so the caller writes it in one step
 * through the export module.
 */

export type PdfDoc = InstanceType<typeof PDFDocument>;

// Not named `require`: bundlers add their own module-level `require` shim, and two would clash.
const resolveFromHere = createRequire(import.meta.url).resolve;
// DejaVu covers Latin, Greek, Cyrillic and more, so names print as written; embedded from the package on disk, never fetched.
const fontDir = join(dirname(resolveFromHere('dejavu-fonts-ttf/package.json')), 'ttf');

const DEFAULT_MARGIN = 64;

export interface PdfSetup {
  /** The document's metadata, as a PDF reader shows it. Creator is always Reciprocal. */
  info: { Title: string; Author?: string; CreationDate: Date };
  /** Top and bottom margin in points, when not the usual 64 (left and right stay 64). */
  verticalMargin?: number;
}

/** Makes an A4 document with fonts `body` and `bold`, lets `draw` fill it, and resolves with its bytes. */
export function renderPdf(setup: PdfSetup, draw: (doc: PdfDoc) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const vertical = setup.verticalMargin ?? DEFAULT_MARGIN;
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: vertical, bottom: vertical, left: DEFAULT_MARGIN, right: DEFAULT_MARGIN },
      info: {
        Title: setup.info.Title,
        ...(setup.info.Author === undefined ? {} : { Author: setup.info.Author }),
        Creator: 'Reciprocal',
        CreationDate: setup.info.CreationDate,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', join(fontDir, 'DejaVuSans.ttf'));
    doc.registerFont('bold', join(fontDir, 'DejaVuSans-Bold.ttf'));
    draw(doc);
    doc.end();
  });
}
