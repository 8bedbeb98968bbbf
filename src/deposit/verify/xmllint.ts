// SPDX-License-Identifier: EUPL-1.2
// XSD validation with libxml2's xmllint (Debian: libxml2-utils). `--stream` validates while reading,
// so memory does not grow with the file. Its messages are English from libxml2; we keep them as they
// are (an archivist can search for them) and group them by message with the lines where they occur.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SchemaMessage {
  message: string;
  element?: string;
  lines: number[];
}

export type XmllintOutcome =
  | { kind: 'valid' }
  | { kind: 'invalid'; messages: SchemaMessage[]; omitted: number }
  | { kind: 'missing' };

/** Distinct messages kept per file, as Arkade does; the rest are counted. */
const messageLimit = 100;
const linesPerMessage = 20;

export async function xmllintValidate(xmllint: string, schema: string, xml: string, cwd: string): Promise<XmllintOutcome> {
  const child = spawn(xmllint, ['--noout', '--nonet', '--stream', '--schema', schema, xml], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const spawned = new Promise<boolean>((resolve, reject) => {
    child.once('spawn', () => resolve(true));
    child.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(false) : reject(error)));
  });
  if (!(await spawned)) return { kind: 'missing' };
  const messages = new Map<string, SchemaMessage>();
  let omitted = 0;
  const lines = createInterface({ input: child.stderr! });
  lines.on('line', (raw) => {
    const parsed = parseLine(raw, xml);
    if (!parsed) return;
    const known = messages.get(parsed.message);
    if (known) {
      if (known.lines.length < linesPerMessage && parsed.line) known.lines.push(parsed.line);
    } else if (messages.size < messageLimit) {
      messages.set(parsed.message, { message: parsed.message, ...(parsed.element ? { element: parsed.element } : {}), lines: parsed.line ? [parsed.line] : [] });
    } else omitted++;
  });
  const code = await new Promise<number>((resolve) => child.once('close', (exit) => resolve(exit ?? 1)));
  if (code === 0 && messages.size === 0) return { kind: 'valid' };
  if (messages.size === 0) messages.set(`xmllint exit ${code}`, { message: `xmllint stopped with exit code ${code}`, lines: [] });
  return { kind: 'invalid', messages: [...messages.values()], omitted };
}

const noise = /(validates|fails to validate)$|^Unimplemented block/;

function parseLine(raw: string, xml: string): { message: string; element?: string; line?: number } | undefined {
  const line = raw.trim();
  if (!line || noise.test(line)) return undefined;
  const located = /^(.+?):(\d+): (?:element (\S+): )?(.*)$/.exec(line);
  const message = (located ? located[4]! : line).replace(/^(Schemas validity error|parser error|Schemas parser error) : /, '').trim();
  if (!message || message === '^') return undefined;
  if (line.endsWith('failed to parse') && line.startsWith(xml)) return { message: 'the file is not well-formed XML' };
  const element = located?.[3] ?? /Element '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
  return { message, ...(element ? { element } : {}), ...(located ? { line: Number(located[2]) } : {}) };
}
