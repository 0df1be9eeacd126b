import PDFDocument from 'pdfkit';

// Characters of Windows-1252 above Latin-1's ASCII range: Helvetica (a PDF standard font, no
// embedding needed) encodes exactly these with ASCII and Latin-1, which covers å, ä, ö and the
// Finnish and Swedish typography (– ” ’ €).
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Anything Helvetica cannot draw would print as garbage; it becomes '?' instead, visibly. */
export function toWinAnsi(text: string): string {
  return [...text.normalize('NFC')].map((ch) => (ch.charCodeAt(0) <= 0xff || CP1252_EXTRA.has(ch) ? ch : '?')).join('');
}

/**
 * An A4 document with the document language and title set (screen readers announce them, PDF/UA
 * asks for both), and a promise of the finished bytes once the caller calls `doc.end()`.
 */
export function startA4Pdf(opts: { lang: string; title: string; subject: string }): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: opts.lang,
    info: { Title: toWinAnsi(opts.title), Author: 'Polku', Subject: toWinAnsi(opts.subject) },
    displayTitle: true,
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
