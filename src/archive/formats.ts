// SPDX-License-Identifier: EUPL-1.2
// The file format from the content, not from the name or the MIME type a browser claims: the PRONOM
// id Noark 5 v5.5 wants (fmt/354 for PDF/A-1b, fmt/276 for PDF 1.7, …) and formatDetaljer. Magic
// bytes for the formats Arkivverket accepts for deposit; PDF/A from the XMP part/conformance marker.
import { pipeline, Transform, type Readable } from 'node:stream';

export interface DetectedFormat {
  /** PRONOM PUID, or the MIME type when the content is none we know */
  format: string;
  /** formatDetaljer, e.g. "PDF/A-1b" or "PDF 1.7" */
  details: string | null;
  /** whether Arkivverket takes it as an archival format */
  archival: boolean;
}

const pdfVersions: Record<string, string> = { '1.0': 'fmt/14', '1.1': 'fmt/15', '1.2': 'fmt/16', '1.3': 'fmt/17', '1.4': 'fmt/18', '1.5': 'fmt/19', '1.6': 'fmt/20', '1.7': 'fmt/276', '2.0': 'fmt/1129' };
const pdfA: Record<string, string> = { '1a': 'fmt/95', '1b': 'fmt/354', '2a': 'fmt/476', '2b': 'fmt/477', '2u': 'fmt/478', '3a': 'fmt/479', '3b': 'fmt/480', '3u': 'fmt/481' };

const starts = (bytes: Buffer, magic: number[] | string, at = 0) => {
  const m = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : Buffer.from(magic);
  return bytes.length >= at + m.length && bytes.subarray(at, at + m.length).equals(m);
};

/** The PDF/A part and conformance from the XMP metadata, in either attribute or element form. */
function pdfAMarker(text: string): string | undefined {
  const part = /pdfaid:part(?:="|>)\s*(\d)/.exec(text)?.[1];
  if (!part) return undefined;
  const conformance = /pdfaid:conformance(?:="|>)\s*([ABUabu])/.exec(text)?.[1]?.toLowerCase() ?? 'b';
  return `${part}${conformance}`;
}

/**
 * Detects the format of a whole file (or its first and last megabyte: the PDF/A marker sits in the
 * XMP packet, usually near the start, sometimes in an incremental update at the end).
 */
export function detectFormat(bytes: Buffer, mimeType: string): DetectedFormat {
  if (starts(bytes, '%PDF-')) {
    const version = /^%PDF-(\d\.\d)/.exec(bytes.subarray(0, 16).toString('latin1'))?.[1] ?? '1.7';
    const a = pdfAMarker(bytes.toString('latin1'));
    if (a && pdfA[a]) return { format: pdfA[a], details: `PDF/A-${a}`, archival: true };
    return { format: pdfVersions[version] ?? 'fmt/276', details: `PDF ${version}`, archival: false };
  }
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47])) return { format: 'fmt/11', details: 'PNG 1.2', archival: true };
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { format: 'fmt/43', details: 'JPEG 1.01', archival: true };
  if (starts(bytes, 'II*\0') || starts(bytes, 'MM\0*')) return { format: 'fmt/353', details: 'TIFF', archival: true };
  if (starts(bytes, 'PK\x03\x04')) {
    const head = bytes.subarray(0, 4096).toString('latin1');
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return { format: 'fmt/290', details: 'OpenDocument Text 1.1', archival: false };
    if (head.includes('word/') || head.includes('[Content_Types].xml')) return { format: 'fmt/412', details: 'Microsoft Word for Windows 2007 onwards', archival: false };
    return { format: 'x-fmt/263', details: 'ZIP', archival: false };
  }
  if (starts(bytes, '<?xml')) return { format: 'fmt/101', details: 'XML 1.0', archival: true };
  if (mimeType.startsWith('text/plain') && isUtf8(bytes)) return { format: 'x-fmt/111', details: 'Plain text (UTF-8)', archival: true };
  return { format: mimeType, details: null, archival: false };
}

const isUtf8 = (bytes: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const SAMPLE = 1 << 20;

/**
 * Watches a stream on its way to the store and keeps its first and last megabyte, so the format
 * can be detected from the content without reading the file twice. Joined with pipeline, so an
 * error on either side (a source that failed before we saw it included) ends both.
 */
export function sniffFormat(source: Readable): { stream: Readable; detect(mimeType: string): DetectedFormat } {
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  const watch = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (head.length < SAMPLE) head = Buffer.concat([head, chunk.subarray(0, SAMPLE - head.length)]);
      tail = Buffer.concat([tail, chunk]);
      if (tail.length > SAMPLE) tail = tail.subarray(tail.length - SAMPLE);
      done(null, chunk);
    },
  });
  pipeline(source, watch, (error) => {
    if (error) watch.destroy(error);
  });
  return { stream: watch, detect: (mimeType) => detectFormat(Buffer.concat([head, tail]), mimeType) };
}
