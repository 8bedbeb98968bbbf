// SPDX-License-Identifier: EUPL-1.2
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfString, renderPdf, winAnsiBytes, wrap } from './pdf.ts';

/** Reads the PDF the way a viewer does: from startxref to the xref table to each object. */
function parse(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
  if (!startxref) throw new Error('no startxref at the end');
  const xrefAt = Number(startxref[1]);
  const table = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  if (!table) throw new Error(`no xref table at offset ${xrefAt}`);
  const count = Number(table[1]);
  const entries = text.slice(xrefAt + table[0].length).match(/^(\d{10}) (\d{5}) ([fn]) \n/gm)!.slice(0, count);
  return { text, count, entries, offsets: entries.slice(1).map((e) => Number(e.slice(0, 10))) };
}

describe('renderPdf', () => {
  const pdf = renderPdf({ title: 'Søknad om konsesjon – gnr. 45/3', lines: [{ text: 'Balsfjord kommune', bold: true, size: 14 }, { text: 'Vi viser til søknad (mottatt 12.01.2026) om § 9.' }] });

  it('starts with the PDF header and ends with %%EOF', () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.toString('latin1').endsWith('%%EOF\n')).toBe(true);
  });

  it('has an xref table whose offsets point at each object, and a startxref pointing at the table', () => {
    const { text, count, entries, offsets } = parse(pdf);
    expect(count).toBe(8);
    expect(entries).toHaveLength(8);
    expect(entries[0]).toBe('0000000000 65535 f \n');
    for (const entry of entries) expect(entry).toHaveLength(20);
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${i + 1} 0 obj\\n`)));
  });

  it('declares the true length of the content stream', () => {
    const text = pdf.toString('latin1');
    const m = /<< \/Length (\d+) >>\nstream\n/.exec(text)!;
    const start = m.index + m[0].length;
    expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 9)).toBe('endstream');
  });

  it('writes Nordic letters as WinAnsi octal escapes and escapes parentheses', () => {
    const text = pdf.toString('latin1');
    expect(text).toContain('(Vi viser til s\\370knad \\(mottatt 12.01.2026\\) om \\247 9.)');
    expect(pdfString('a\\b')).toBe('(a\\\\b)');
    expect(winAnsiBytes('–€ä')).toEqual([0x96, 0x80, 0xe4]);
    expect(winAnsiBytes('漢')).toEqual([0x3f]);
  });

  it('is deterministic, so the file store keeps one copy', () => {
    const again = renderPdf({ title: 'Søknad om konsesjon – gnr. 45/3', lines: [{ text: 'Balsfjord kommune', bold: true, size: 14 }, { text: 'Vi viser til søknad (mottatt 12.01.2026) om § 9.' }] });
    expect(again.equals(pdf)).toBe(true);
  });

  it('refuses text that does not fit on one page', () => {
    expect(() => renderPdf({ title: 'x', lines: Array.from({ length: 80 }, () => ({ text: 'linje' })) })).toThrow(RangeError);
  });

  it('puts a creation date in the metadata when asked', () => {
    const dated = renderPdf({ title: 't', lines: [{ text: 'x' }], created: new Date('2026-02-03T10:04:05Z') });
    expect(dated.toString('latin1')).toContain('/CreationDate (D:20260203100405Z)');
    expect(parse(dated).offsets).toHaveLength(7);
  });
});

const hasQpdf = (() => {
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// A second opinion from an independent PDF parser, where one is installed.
it.skipIf(!hasQpdf)('passes qpdf --check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'radhus-pdf-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, renderPdf({ title: 'Svar – klage', lines: [{ text: 'Balsfjord kommune', bold: true }, { text: 'Æ Ø Å ä ö – § (1)' }], created: new Date('2026-01-05T08:00:00Z') }));
    expect(execFileSync('qpdf', ['--check', file]).toString()).toMatch(/No syntax or stream encoding errors/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('wrap', () => {
  it('breaks at spaces within the width and splits words longer than a line', () => {
    expect(wrap('en to tre fire', 7)).toEqual(['en to', 'tre', 'fire']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('', 10)).toEqual(['']);
  });
});
