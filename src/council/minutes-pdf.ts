// SPDX-License-Identifier: EUPL-1.2
// The minutes (møtebok / protokoll) as a PDF/A-1b, made like the forms' PDFs (src/forms/pdf.ts:
// Inter embedded, the creation date the approval's so the same record gives the same bytes). Unlike
// a form's answers, minutes name politicians with Sámi names (Áŋŋel, Čalmmiid, Đuođaš, Ŧ), whose
// letters lie outside Inter's Latin subset: each run of text is set in the Latin subset or the
// Latin Extended one, whichever holds its letters, so every name renders.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Language } from '../common/languages.ts';

const require = createRequire(import.meta.url);
const font = (name: string) => readFileSync(require.resolve(`@fontsource/inter/files/inter-${name}-normal.woff`));
const fonts = { regular: font('latin-400'), bold: font('latin-700'), 'regular-ext': font('latin-ext-400'), 'bold-ext': font('latin-ext-700') };

/** Whether a character needs the Latin Extended subset (U+0100–024F, U+1E00–1EFF, less the few the Latin subset has). */
export const needsExtended = (ch: string): boolean => {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x131 || cp === 0x152 || cp === 0x153) return false;
  return (cp >= 0x100 && cp <= 0x24f) || (cp >= 0x1e00 && cp <= 0x1eff) || (cp >= 0x2c60 && cp <= 0x2c7f) || (cp >= 0xa720 && cp <= 0xa7ff);
};

/** The text cut into runs that each one subset can set. */
export function runs(text: string): { text: string; extended: boolean }[] {
  const out: { text: string; extended: boolean }[] = [];
  for (const ch of text) {
    const extended = needsExtended(ch);
    const last = out.at(-1);
    if (last && last.extended === extended) last.text += ch;
    else out.push({ text: ch, extended });
  }
  return out.length ? out : [{ text: '', extended: false }];
}

export interface MinutesLine { text: string; label?: string; heading?: boolean; indent?: boolean }
export interface MinutesContent { title: string; language: Language; at: Date; lines: MinutesLine[] }

export function renderMinutesPdf(content: MinutesContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margin: 56, subset: 'PDF/A-1b', pdfVersion: '1.4', tagged: true, displayTitle: true, lang: content.language,
    info: { Title: content.title, Creator: 'Rådhus', Producer: 'Rådhus', CreationDate: content.at, ModDate: content.at },
  });
  for (const [name, data] of Object.entries(fonts)) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const write = (text: string, weight: 'regular' | 'bold', size: number, indent = 0) => {
    const parts = runs(text || '–');
    parts.forEach((part, i) => {
      doc.font(part.extended ? `${weight}-ext` : weight).fontSize(size).text(part.text, { continued: i < parts.length - 1, ...(indent ? { indent } : {}) });
    });
  };
  write(content.title, 'bold', 16);
  doc.moveDown(0.5);
  for (const line of content.lines) {
    if (line.heading) {
      doc.moveDown(0.5);
      write(line.text, 'bold', 12);
      continue;
    }
    if (line.label) write(line.label, 'bold', 10, line.indent ? 12 : 0);
    write(line.text, 'regular', 10, line.indent ? 12 : 0);
    doc.moveDown(0.3);
  }
  doc.end();
  return done;
}
