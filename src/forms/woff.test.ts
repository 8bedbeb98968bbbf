// SPDX-License-Identifier: EUPL-1.2
// The unwrapped font is the same font: fontkit reads the same glyphs, metrics and names from it as
// from the WOFF, and a submission PDF still embeds Inter (the receipt's text must not change).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff.ts';
import { renderPdf } from './pdf.ts';

const require = createRequire(import.meta.url);
// pdfkit's own font reader (it ships no types): what this test asks of it.
interface Font {
  postscriptName: string;
  numGlyphs: number;
  unitsPerEm: number;
  layout(text: string): { glyphs: { id: number }[]; advanceWidth: number };
}
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(bytes: Buffer): Font };

describe('woffToSfnt', () => {
  it('gives the font the WOFF wraps, table for table', () => {
    for (const weight of ['400', '700']) {
      const woff = readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
      const sfnt = woffToSfnt(woff);
      expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
      const a = fontkit.create(woff);
      const b = fontkit.create(sfnt);
      expect(b.postscriptName).toBe(a.postscriptName);
      expect(b.numGlyphs).toBe(a.numGlyphs);
      expect(b.unitsPerEm).toBe(a.unitsPerEm);
      const text = 'Søknad om barnehageplass – Åse Ærø, § 13';
      expect(b.layout(text).glyphs.map((g) => g.id)).toEqual(a.layout(text).glyphs.map((g) => g.id));
      expect(b.layout(text).advanceWidth).toBe(a.layout(text).advanceWidth);
    }
  });

  it('refuses what is not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('wOF2 and more bytes than that'))).toThrow(/WOFF/);
  });

  it('leaves PDFs with Inter embedded', async () => {
    const pdf = await renderPdf({ title: 'Kvittering', language: 'nb', at: new Date('2026-11-30T12:00:00Z'), lines: [{ label: 'Saksnummer', text: '2026/1' }] });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    expect(pdf.toString('latin1')).toMatch(/Inter/);
  });

  it('gives the same bytes every time, whatever was rendered before', async () => {
    const content = { title: 'Kvittering – svar', language: 'nb' as const, at: new Date('2026-11-30T12:00:00Z'), lines: [{ label: 'Søker', text: 'Åse Ærø' }] };
    const first = await renderPdf(content);
    await renderPdf({ ...content, lines: [{ text: 'Andre tegn: ÄÖé§', heading: true }] });
    expect((await renderPdf(content)).equals(first)).toBe(true);
  });
});
