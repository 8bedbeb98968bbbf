// SPDX-License-Identifier: EUPL-1.2
// The text of a PDF as a reader would copy it: enough of a PDF reader to read back what pdf.ts
// writes (streams deflated, each font's ToUnicode map, the glyphs of every TJ), so a test can show
// that the letters filed are the letters shown, not just that the bytes exist. Tests only.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer | undefined;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return objects;
}

/** A ToUnicode CMap as written by pdfkit (and most writers): bfrange with arrays or starts, bfchar. */
function unicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const chars = (hex: string) => String.fromCharCode(...hex.trim().split(/\s+/).join('').match(/.{4}/g)!.map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const from = parseInt(r[1]!, 16);
      const to = parseInt(r[2]!, 16);
      if (r[3]!.startsWith('[')) [...r[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((e, i) => map.set(from + i, chars(e[1]!)));
      else {
        const base = parseInt(r[3]!.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(r[1]!, 16), chars(r[2]!));
  return map;
}

/** Every text shown on the pages, one line per baseline (text objects on the same one are one line). */
export function pdfText(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objects.values()) {
    const resources = /\/Font\s*<<([^>]*)>>/.exec(o.dict);
    if (!resources) continue;
    for (const f of resources[1]!.matchAll(/\/([\w.-]+)\s+(\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(Number(f[2]))?.dict ?? '');
      const cmap = toUnicode && objects.get(Number(toUnicode[1]))?.stream;
      if (cmap) fonts.set(f[1]!, unicodeMap(cmap.toString('latin1')));
    }
  }
  const lines: string[] = [];
  let baseline = '';
  for (const o of objects.values()) {
    if (!o.stream || !/\bBT\b/.test(o.stream.toString('latin1'))) continue;
    let font = new Map<number, string>();
    for (const block of o.stream.toString('latin1').matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      const y = /1 0 0 1 [\d.-]+ ([\d.-]+) Tm/.exec(block[1]!)?.[1] ?? '';
      for (const op of block[1]!.matchAll(/\/([\w.-]+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ/g)) {
        if (op[1]) font = fonts.get(op[1]) ?? new Map();
        else for (const hex of op[2]!.matchAll(/<([0-9a-fA-F]*)>/g)) line += (hex[1]!.match(/.{4}/g) ?? []).map((g) => font.get(parseInt(g, 16)) ?? '\uFFFD').join('');
      }
      if (y && y === baseline && lines.length) lines[lines.length - 1] += line;
      else lines.push(line);
      baseline = y;
    }
  }
  return lines.join('\n');
}
