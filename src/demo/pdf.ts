// SPDX-License-Identifier: EUPL-1.2
// A tiny one-page PDF writer for the demo letters, so the demo needs no PDF library. It uses the
// standard Helvetica fonts with WinAnsiEncoding, which covers æ ø å ä ö é § and the dashes of
// Nordic letters. The output is deterministic (same text, same bytes), which keeps the
// content-addressed file store free of duplicates when the demo is loaded again.

export interface PdfLine {
  text: string;
  bold?: boolean;
  /** Font size in points; 11 unless given. */
  size?: number;
}

export interface PdfPage {
  /** The document title in the PDF's metadata. */
  title: string;
  lines: PdfLine[];
  /** Creation date for the metadata; left out when not given, so the bytes stay reproducible. */
  created?: Date;
}

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 64;
const DEFAULT_SIZE = 11;

/** Windows-1252 code points for the characters outside Latin-1 that letters actually use. */
const winAnsiExtra: Record<string, number> = {
  '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
};

/** The text as WinAnsi bytes; characters the standard fonts cannot show become "?". */
export function winAnsiBytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const extra = winAnsiExtra[ch];
    if (extra !== undefined) bytes.push(extra);
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(0x3f);
  }
  return bytes;
}

/** A PDF literal string: ( ) and \ escaped, bytes above 127 written as octal so the file stays ASCII. */
export function pdfString(text: string): string {
  let out = '(';
  for (const b of winAnsiBytes(text)) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b > 0x7e) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

/** A text string for the document information dictionary: UTF-16BE with a byte order mark. */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pdfDate = (d: Date) =>
  `D:${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`;

/** Breaks a paragraph into lines of at most `width` characters, at spaces where possible. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (current) lines.push(current);
      current = '';
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (!current) current = rest;
    else if (current.length + 1 + rest.length <= width) current += ` ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/** Characters per line for a font size: Helvetica averages about half an em per character. */
const charsPerLine = (size: number) => Math.floor((PAGE_WIDTH - 2 * MARGIN) / (size * 0.52));

function contentStream(lines: PdfLine[]): string {
  const ops: string[] = ['BT'];
  let y = PAGE_HEIGHT - MARGIN;
  let first = true;
  for (const line of lines) {
    const size = line.size ?? DEFAULT_SIZE;
    const leading = Math.round(size * 1.35);
    for (const part of wrap(line.text, charsPerLine(size))) {
      y -= first ? size : leading;
      first = false;
      if (y < MARGIN) throw new RangeError('the text does not fit on one page; shorten it');
      ops.push(`/${line.bold ? 'F2' : 'F1'} ${size} Tf`, `1 0 0 1 ${MARGIN} ${y} Tm`, `${pdfString(part)} Tj`);
    }
  }
  ops.push('ET');
  return `${ops.join('\n')}\n`;
}

/** Renders the lines onto one A4 page and returns the complete PDF file. */
export function renderPdf(page: PdfPage): Buffer {
  const stream = contentStream(page.lines);
  const info = [`/Title ${pdfTextString(page.title)}`, '/Producer (Radhus demo)'];
  if (page.created) info.push(`/CreationDate (${pdfDate(page.created)})`);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
    `<< ${info.join(' ')} >>`,
  ];
  // Everything written is ASCII except the binary-marker comment, so string length is byte length
  // once the header is counted in bytes.
  const header = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const parts: Buffer[] = [header];
  let offset = header.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    offsets.push(offset);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(parts);
}
