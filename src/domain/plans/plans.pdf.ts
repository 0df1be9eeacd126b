import PDFDocument from 'pdfkit';
import type { ClientPlanView } from '../../contracts/plans.contracts.js';
import { versionLine } from './plans.client-version.js';

// Characters of Windows-1252 above Latin-1's ASCII range: Helvetica (a PDF standard font, no
// embedding needed) encodes exactly these with ASCII and Latin-1, which covers å, ä, ö and the
// Finnish and Swedish typography (– ” ’ €).
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Anything Helvetica cannot draw would print as garbage; it becomes '?' instead, visibly. */
export function toWinAnsi(text: string): string {
  return [...text.normalize('NFC')].map((ch) => (ch.charCodeAt(0) <= 0xff || CP1252_EXTRA.has(ch) ? ch : '?')).join('');
}

/** The client's plan as an A4 PDF in large, plain type (12 pt body, 20 pt title). */
export function renderClientPlanPdf(view: ClientPlanView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: view.lang,
    info: { Title: toWinAnsi(`${view.title} – ${view.clientName}`), Author: 'Polku', Subject: toWinAnsi(view.title) },
    displayTitle: true,
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(20).text(toWinAnsi(view.title));
  doc.font('Helvetica').fontSize(12).text(toWinAnsi(view.clientName));
  doc.fontSize(10).fillColor('#444444').text(toWinAnsi(versionLine(view))).fillColor('#000000');
  for (const section of view.sections) {
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(14).text(toWinAnsi(section.heading));
    doc.moveDown(0.3);
    doc.font('Helvetica').fontSize(12);
    for (const line of section.lines) doc.text(toWinAnsi(line), { paragraphGap: 4, lineGap: 2 });
  }
  doc.end();
  return done;
}
