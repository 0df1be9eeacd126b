import type { ClientPlanView } from '../../contracts/plans.contracts.js';
import { startA4Pdf, toWinAnsi } from '../shared/pdf.js';
import { versionLine } from './plans.client-version.js';

export { toWinAnsi };

/** The client's plan as an A4 PDF in large, plain type (12 pt body, 20 pt title). */
export function renderClientPlanPdf(view: ClientPlanView): Promise<Buffer> {
  const { doc, done } = startA4Pdf({ lang: view.lang, title: `${view.title} – ${view.clientName}`, subject: view.title });
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
