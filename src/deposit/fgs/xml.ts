// SPDX-License-Identifier: EUPL-1.2
// The streaming writer FGS needs: the Noark writer's model (buffer, flush on drain, temporary file
// renamed by the caller) plus leaves with attributes and empty elements, which METS and ERMS use
// throughout and Noark 5 never does.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { dateTime } from '../export/xml-writer.ts';

export type Value = string | number | Date | null | undefined;
type Attrs = Record<string, Value>;

const esc = (text: string) =>
  // eslint-disable-next-line no-control-regex
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const str = (v: Value) => (v instanceof Date ? dateTime(v) : v === null || v === undefined ? '' : String(v));
const attrs = (a: Attrs) =>
  Object.entries(a).filter(([, v]) => str(v) !== '').map(([k, v]) => ` ${k}="${esc(str(v)).replace(/"/g, '&quot;')}"`).join('');

export class Writer {
  private readonly stream: WriteStream;
  private readonly open: string[] = [];
  private buffer = '<?xml version="1.0" encoding="UTF-8"?>\n';

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  private get pad() {
    return '  '.repeat(this.open.length);
  }

  start(name: string, a: Attrs = {}): this {
    this.buffer += `${this.pad}<${name}${attrs(a)}>\n`;
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (!name) throw new Error('Writer: end() without an open element');
    this.buffer += `${this.pad}</${name}>\n`;
    return this;
  }

  /** A text element; left out when empty (the ERMS and METS leaves we write are all optional or checked by the caller). */
  leaf(name: string, value: Value, a: Attrs = {}): this {
    const text = str(value);
    if (text.trim() === '') return this;
    this.buffer += `${this.pad}<${name}${attrs(a)}>${esc(text)}</${name}>\n`;
    return this;
  }

  empty(name: string, a: Attrs = {}): this {
    this.buffer += `${this.pad}<${name}${attrs(a)}/>\n`;
    return this;
  }

  async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (chunk && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.open.length) throw new Error(`Writer: ${this.path} closed with <${this.open.join('><')}> open`);
    const chunk = this.buffer;
    this.buffer = '';
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(chunk, () => resolve());
    });
  }

  abort(): void {
    this.stream.destroy();
  }
}
