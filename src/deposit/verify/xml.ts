// SPDX-License-Identifier: EUPL-1.2
// Reading XML as a stream with saxes: the file is fed in chunks and the handlers see one element at a
// time, so a package of any size is read in flat memory. Between chunks the reader awaits `drain`, so a
// check can do slow work (hashing a document) without the parser running ahead of it.
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';

export const xsiNamespace = 'http://www.w3.org/2001/XMLSchema-instance';

export interface XmlHandlers {
  open?(tag: SaxesTagNS, line: number): void;
  text?(text: string): void;
  close?(tag: SaxesTagNS, line: number): void;
  /** Called between chunks; the next chunk is parsed only when it resolves. */
  drain?(): Promise<void>;
}

/** Thrown when the file is not well-formed XML; carries saxes' line number. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * A copy of a string that shares no memory with the chunk it was cut from. V8 keeps substrings as
 * slices of their parent, so one systemID kept in a Map would hold a whole 256 KB chunk alive: on a
 * big package every chunk would stay in memory. Everything kept past its element goes through this.
 */
export const own = (value: string): string => (value.length < 13 ? value : Buffer.from(value, 'utf8').toString('utf8'));

/** Thrown by a handler that has read what it needs: reading ends quietly. */
export class StopReading extends Error {}

/** Reads the whole file through the handlers (or until a handler throws StopReading). */
export async function readXml(path: string, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failure: XmlSyntaxError | undefined;
  parser.on('error', (error) => {
    // saxes prefixes the message with "line:column: "; the line is kept apart.
    failure ??= new XmlSyntaxError(error.message.replace(/^[^:]*:\d+:\d+: /, ''), parser.line);
  });
  parser.on('doctype', () => {
    // Arkade prohibits DTDs; an entity declaration could also expand without bound.
    failure ??= new XmlSyntaxError('a DOCTYPE is not allowed in a Noark 5 extraction', parser.line);
  });
  if (handlers.open) parser.on('opentag', (tag) => handlers.open!(tag, parser.line));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(tag, parser.line));
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      if (failure) throw failure;
      await handlers.drain?.();
    }
    parser.close();
    if (failure) throw failure;
    await handlers.drain?.();
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  } finally {
    stream.destroy();
  }
}

/** A small element tree, for files that are small by nature (arkivuttrekk.xml, a journal head). */
export interface XmlNode {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
  line: number;
}

export async function readTree(path: string): Promise<XmlNode> {
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  await readXml(path, {
    open(tag, line) {
      const attributes: Record<string, string> = {};
      for (const attribute of Object.values(tag.attributes)) attributes[attribute.local] = attribute.value;
      const node: XmlNode = { name: tag.local, uri: tag.uri, attributes, children: [], text: '', line };
      stack.at(-1)?.children.push(node);
      root ??= node;
      stack.push(node);
    },
    text(text) {
      const top = stack.at(-1);
      if (top) top.text += text;
    },
    close() {
      const node = stack.pop();
      if (node) node.text = node.text.trim();
    },
  });
  if (!root) throw new XmlSyntaxError('the file has no root element', 1);
  return root;
}

export const childrenNamed = (node: XmlNode | undefined, name: string): XmlNode[] => node?.children.filter((c) => c.name === name) ?? [];
export const childNamed = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.children.find((c) => c.name === name);

/** xs:date or xs:dateTime in any lexical form XSD allows (what Arkade's .NET reader accepts). */
export function isXsdDateOrDateTime(value: string): boolean {
  const match = /^(-?\d{4,})-(\d{2})-(\d{2})(T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (match[4] && (Number(match[5]) > 24 || Number(match[6]) > 59 || Number(match[7]) > 60)) return false;
  const date = new Date(Date.UTC(Number(match[1]), month - 1, day));
  return date.getUTCDate() === day;
}
