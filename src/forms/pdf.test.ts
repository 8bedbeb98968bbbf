// SPDX-License-Identifier: EUPL-1.2
// The submission PDFs carry Sámi and Nordic letters as letters: read back from the PDF, the text is
// the text written (the Latin subset of Inter alone has no č đ ŋ š ŧ ž, and they came out blank).
import { describe, expect, it } from 'vitest';
import { renderPdf, runsOf } from './pdf.ts';
import { pdfText } from './pdf-text.ts';

const letters = 'á č đ ŋ š ŧ ž æ ø å ä ö Á Č Đ Ŋ Š Ŧ Ž Æ Ø Å Ä Ö';

describe('submission PDFs', () => {
  it('render Sámi and Nordic letters in regular and bold, in titles, labels and answers', async () => {
    const pdf = await renderPdf({
      title: 'Ohcan – Guovdageainnu gielda', language: 'nb', at: new Date('2026-11-30T12:00:00Z'),
      lines: [{ text: 'Čoahkkin', heading: true }, { label: `Bokstaver ${letters}`, text: letters }, { label: 'Namma', text: 'Áŋŋel Šáŧŧá Đžž' }],
    });
    const text = pdfText(pdf);
    expect(text).toContain('Ohcan – Guovdageainnu gielda');
    expect(text).toContain('Čoahkkin');
    expect(text).toContain(`Bokstaver ${letters}`);
    expect(text.split('\n')).toContain(letters);
    expect(text).toContain('Áŋŋel Šáŧŧá Đžž');
    expect(text).not.toContain('\uFFFD');
    // Both subsets are embedded, in both weights: four fonts, no fallback.
    expect(pdf.toString('latin1').match(/\/Type \/Font\s*\/Subtype \/Type0/g)?.length).toBe(4);
  });

  it('cuts text into runs only where it passes between the subsets', () => {
    expect(runsOf('Sámi: ŋ og æ')).toEqual([{ text: 'Sámi: ', extended: false }, { text: 'ŋ', extended: true }, { text: ' og æ', extended: false }]);
    expect(runsOf('čšž')).toEqual([{ text: 'čšž', extended: true }]);
    expect(runsOf('Œuvre')).toEqual([{ text: 'Œuvre', extended: false }]);
  });
});
