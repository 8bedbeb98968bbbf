// SPDX-License-Identifier: EUPL-1.2
// The PDFs a submission leaves in the archive: the answers (the municipality, the case number and
// every answer, as the form labels them) and the receipt (case and registry number, time, and the
// SHA-256 of everything filed). PDF/A-1b with the Inter font embedded (Designsystemet's typeface,
// already shipped for the public pages), so the archive takes them as they are. Fontsource ships
// Inter cut in subsets: the Latin one lacks the Sámi letters (á č đ ŋ š ŧ ž), which are in the
// Latin Extended one, so every text is written in runs, each in the subset that has its letters
// (both are the same typeface: the line reads as one). The creation date
// is the submission's, never the wall clock, so the same submission gives the same bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Language } from '../common/languages.ts';
import { woffToSfnt } from './woff.ts';

const require = createRequire(import.meta.url);
// Inter's Latin subset covers Norwegian and Swedish letters (æ ø å ä ö é), § and the dashes; the
// Latin Extended one the Sámi letters. Each is read and unwrapped from WOFF once (woff.ts says why);
// pdfkit parses the bytes for each document. Handing every document one parsed fontkit font was
// tried for the deadline spike (9 ms against 22 ms a PDF) and garbled the text of later PDFs read
// back (forms.test then pdf.test in one worker): fontkit's font object keeps state between layouts.
const font = (name: string) => woffToSfnt(readFileSync(require.resolve(`@fontsource/inter/files/inter-${name}-normal.woff`)));
const fonts = { regular: font('latin-400'), bold: font('latin-700'), 'regular-ext': font('latin-ext-400'), 'bold-ext': font('latin-ext-700') };
type Weight = 'regular' | 'bold';
type FontName = keyof typeof fonts;

/**
 * Whether a letter is in Fontsource's Latin Extended subset rather than the Latin one (their
 * `unicode-range`s): Latin Extended-A/B and IPA, Latin Extended Additional, Extended-C and -D, less
 * the few of those (ı Œ œ ʻ ʼ ˆ ˚ ˜) the Latin subset has.
 */
export function inExtended(codePoint: number): boolean {
  if ([0x131, 0x152, 0x153, 0x2bb, 0x2bc, 0x2c6, 0x2da, 0x2dc].includes(codePoint)) return false;
  return (codePoint >= 0x100 && codePoint <= 0x2ff) || (codePoint >= 0x1e00 && codePoint <= 0x1eff) || (codePoint >= 0x2c60 && codePoint <= 0x2c7f) || (codePoint >= 0xa720 && codePoint <= 0xa7ff);
}

/** The text cut where it passes between the two subsets. */
export function runsOf(text: string): { text: string; extended: boolean }[] {
  const runs: { text: string; extended: boolean }[] = [];
  for (const ch of text) {
    const extended = inExtended(ch.codePointAt(0)!);
    const last = runs.at(-1);
    if (last && last.extended === extended) last.text += ch;
    else runs.push({ text: ch, extended });
  }
  return runs;
}

/** One paragraph in runs; `continued` keeps them on one line and wraps them as one text. */
function write(doc: PDFKit.PDFDocument, weight: Weight, text: string): void {
  const runs = runsOf(text);
  runs.forEach((run, i) => {
    useFont(doc, run.extended ? `${weight}-ext` : weight).text(run.text, { continued: i < runs.length - 1 });
  });
}

export interface PdfLine {
  label?: string | undefined;
  text: string;
  heading?: boolean | undefined;
}

export interface PdfContent {
  title: string;
  language: Language;
  at: Date;
  lines: PdfLine[];
}

// Each document lays out its own words (pdfkit's per-document layout cache). Sharing that cache
// between documents was tried for the deadline spike and garbled the text of later PDFs read back
// (src/forms/pdf.test.ts after woff.test.ts in one process), so it is not done.
function useFont(doc: PDFKit.PDFDocument, name: FontName): PDFKit.PDFDocument {
  return doc.font(name);
}

export function renderPdf(content: PdfContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margin: 56, subset: 'PDF/A-1b', pdfVersion: '1.4', tagged: true, displayTitle: true, lang: content.language,
    info: { Title: content.title, Creator: 'Rådhus', Producer: 'Rådhus', CreationDate: content.at, ModDate: content.at },
  });
  for (const [name, bytes] of Object.entries(fonts)) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(doc.fontSize(16), 'bold', content.title);
  doc.moveDown(0.5);
  for (const line of content.lines) {
    if (line.heading) {
      write(doc.moveDown(0.5).fontSize(12), 'bold', line.text);
      continue;
    }
    if (line.label) write(doc.fontSize(10), 'bold', line.label);
    write(doc.fontSize(10), 'regular', line.text || '–');
    doc.moveDown(0.3);
  }
  doc.end();
  return done;
}
