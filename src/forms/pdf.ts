// SPDX-License-Identifier: EUPL-1.2
// The PDFs a submission leaves in the archive: the answers (the municipality, the case number and
// every answer, as the form labels them) and the receipt (case and registry number, time, and the
// SHA-256 of everything filed). PDF/A-1b with the Inter font embedded (Designsystemet's typeface,
// already shipped for the public pages), so the archive takes them as they are. The creation date
// is the submission's, never the wall clock, so the same submission gives the same bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Language } from '../common/languages.ts';
import { woffToSfnt } from './woff.ts';

const require = createRequire(import.meta.url);
// The Latin subset covers Norwegian and Swedish letters (æ ø å ä ö é), § and the dashes.
// Read, unwrapped from WOFF (woff.ts says why) and parsed by fontkit once: pdfkit takes a parsed
// font as it is, where it would parse bytes again for every PDF (fontkit's table reading was then
// the largest part of a PDF's CPU time). Each document still embeds its own subset
// (EmbeddedFont.createSubset); the font object is only read. pdfkit's own fontkit, so the two agree.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(bytes: Buffer): object };
const inter = (weight: string) => fontkit.create(woffToSfnt(readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`))));
// pdfkit's types name only file names and bytes; its code (PDFFontFactory.open) takes a font object too.
const regular = inter('400') as unknown as Buffer;
const bold = inter('700') as unknown as Buffer;

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

// pdfkit lays out each word once per document (EmbeddedFont.layoutCache) and then only copies the
// result; the layout depends on the word and the font alone, and fontkit's OpenType shaping of it
// was the largest cost left in a PDF (a CPU profile of the deadline spike). So the documents share
// one cache per weight: the labels, headings and common words of every receipt are shaped once.
// Bounded: checked every 100 PDFs, and begun afresh past 20 000 words.
const sharedLayouts = new Map<string, Record<string, unknown>>();
let rendered = 0;
const WORDS = 20_000;

function useFont(doc: PDFKit.PDFDocument, name: 'regular' | 'bold'): PDFKit.PDFDocument {
  doc.font(name);
  const font = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
  let cache = sharedLayouts.get(name);
  if (!cache) sharedLayouts.set(name, (cache = Object.create(null) as Record<string, unknown>));
  if (font?.layoutCache && font.layoutCache !== cache) font.layoutCache = cache;
  return doc;
}

export function renderPdf(content: PdfContent): Promise<Buffer> {
  if (++rendered % 100 === 0) for (const [name, cache] of sharedLayouts) if (Object.keys(cache).length > WORDS) sharedLayouts.delete(name);
  const doc = new PDFDocument({
    size: 'A4', margin: 56, subset: 'PDF/A-1b', pdfVersion: '1.4', tagged: true, displayTitle: true, lang: content.language,
    info: { Title: content.title, Creator: 'Rådhus', Producer: 'Rådhus', CreationDate: content.at, ModDate: content.at },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useFont(doc, 'bold').fontSize(16).text(content.title);
  doc.moveDown(0.5);
  for (const line of content.lines) {
    if (line.heading) {
      useFont(doc.moveDown(0.5), 'bold').fontSize(12).text(line.text);
      continue;
    }
    if (line.label) useFont(doc, 'bold').fontSize(10).text(line.label);
    useFont(doc, 'regular').fontSize(10).text(line.text || '–');
    doc.moveDown(0.3);
  }
  doc.end();
  return done;
}
