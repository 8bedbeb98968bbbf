// SPDX-License-Identifier: EUPL-1.2
// A small streaming XML writer: elements go straight to a file stream as they are written, so an
// extraction of a million entries never holds more than one case file in memory. It escapes text,
// leaves out empty optional elements (Arkade counts empty elements as errors) and waits for the
// stream to drain when its buffer is full.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export type XmlValue = string | number | Date | null | undefined;

const escapeText = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Characters XML 1.0 forbids (control characters other than tab, newline, return) are dropped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** xs:dateTime with the offset, as Noark 5 writes it (UTC here: our timestamps are instants). */
export const dateTime = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString().replace(/\.\d{3}Z$/, 'Z');

const render = (value: XmlValue): string => (value instanceof Date ? dateTime(value) : value === null || value === undefined ? '' : String(value));

export class XmlWriter {
  private readonly stream: WriteStream;
  private readonly open: string[] = [];
  private buffer = '';

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.buffer = '<?xml version="1.0" encoding="UTF-8"?>\n';
  }

  start(name: string, attributes: Record<string, string> = {}): this {
    const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
    this.buffer += `${'  '.repeat(this.open.length)}<${name}${attrs}>\n`;
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (!name) throw new Error('XmlWriter: end() without an open element');
    this.buffer += `${'  '.repeat(this.open.length)}</${name}>\n`;
    return this;
  }

  /** A leaf element; left out when the value is empty (every leaf of the Noark 5 schemas has minLength 1). */
  leaf(name: string, value: XmlValue): this {
    const text = render(value);
    if (text.trim() === '') return this;
    this.buffer += `${'  '.repeat(this.open.length)}<${name}>${escapeText(text)}</${name}>\n`;
    return this;
  }

  /** A leaf the schema requires: an empty value is a bug in the caller, not something to hide. */
  required(name: string, value: XmlValue): this {
    const text = render(value);
    if (text.trim() === '') throw new Error(`${this.path}: required element <${name}> has no value (inside ${this.open.join('/')})`);
    return this.leaf(name, text);
  }

  /** Hands what was written so far to the file, waiting when the stream asks to. */
  async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Writes what is left, closes the file and waits until it is on disk. */
  async close(): Promise<void> {
    if (this.open.length) throw new Error(`XmlWriter: ${this.path} closed with <${this.open.join('><')}> still open`);
    const chunk = this.buffer;
    this.buffer = '';
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(chunk, () => resolve());
    });
  }

  /** Gives up on the file (an error elsewhere): closes it without completing it. */
  abort(): void {
    this.stream.destroy();
  }
}
