import { startA4Pdf, toWinAnsi } from '../shared/pdf.js';
import type { ReferralPrintout } from './referrals.printout.js';

/** The printed referral as an A4 PDF, for providers outside Polku that want a file or paper. */
export function renderReferralPdf(p: ReferralPrintout): Promise<Buffer> {
  const { doc, done } = startA4Pdf({ lang: p.lang, title: p.title, subject: p.title });
  doc.font('Helvetica-Bold').fontSize(18).text(toWinAnsi(p.title));
  doc.font('Helvetica').fontSize(10).fillColor('#444444').text(toWinAnsi(p.dateLine)).fillColor('#000000');
  for (const section of p.sections) {
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(13).text(toWinAnsi(section.heading));
    doc.moveDown(0.3);
    for (const [label, value] of section.rows) {
      doc.font('Helvetica-Bold').fontSize(11).text(`${toWinAnsi(label)}: `, { continued: true });
      doc.font('Helvetica').text(toWinAnsi(value), { paragraphGap: 3 });
    }
  }
  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(10).text(toWinAnsi(p.footer));
  doc.end();
  return done;
}
