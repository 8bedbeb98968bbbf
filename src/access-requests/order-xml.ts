// SPDX-License-Identifier: EUPL-1.2
// eInnsyn's order.xml (bestilling), both versions it sends: version 1 (<bestilling>, documents by
// case number, document number and journal number) and version 2 (<ns2:bestilling>, adding the
// entry's system id, its unit and the source system's ids). Only the few elements of the format
// are read, by a small parser that refuses DOCTYPE and entity declarations (no XXE, no billion
// laughs), so no XML library is needed.

export interface OrderLine {
  /** 0-based position in the file, so a report can point at the line. */
  index: number;
  caseNumber?: string;
  /** dokumentnr: the entry's number within its case. */
  numberInCase?: string;
  /** journalnr: the registry number, written "2026/457" or as the sequence alone. */
  registryNumber?: string;
  systemId?: string;
  officer?: string;
  unit?: string;
}

export interface AccessOrder {
  version: 'v1' | 'v2';
  id?: string;
  orderedAt?: string;
  email?: string;
  to?: string;
  lines: OrderLine[];
}

export class OrderXmlError extends Error {}

interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    const known = entities[name];
    if (known === undefined) throw new OrderXmlError(`unknown entity ${whole}`);
    return known;
  });
}

/** The local name: namespace prefixes (ns2:) do not matter for this format. */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new OrderXmlError('DOCTYPE and entity declarations are not accepted');
  const root: XmlElement = { name: '#root', children: [], text: '' };
  const stack: XmlElement[] = [root];
  // Names may hold any letter: eInnsyn writes <forsendelsesmåte>.
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\p{L}_][\p{L}\p{N}.:_-]*)((?:\s+[\p{L}\p{N}.:_-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/gu;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m[7]) throw new OrderXmlError(`malformed markup at character ${m.index}`);
    if (m[1] !== undefined) top.text += m[1];
    else if (m[6] !== undefined) top.text += decode(m[6]);
    else if (m[3]) {
      const name = local(m[3]);
      if (m[2]) {
        if (stack.length < 2 || top.name !== name) throw new OrderXmlError(`unexpected </${m[3]}> at character ${m.index}`);
        stack.pop();
      } else {
        const element: XmlElement = { name, children: [], text: '' };
        top.children.push(element);
        if (!m[5]) stack.push(element);
        if (stack.length > 32) throw new OrderXmlError('nested too deeply');
      }
    }
  }
  if (stack.length !== 1) throw new OrderXmlError(`<${stack[stack.length - 1]!.name}> is not closed`);
  const elements = root.children;
  if (elements.length !== 1) throw new OrderXmlError('expected one root element');
  return elements[0]!;
}

const child = (e: XmlElement | undefined, name: string): XmlElement | undefined => e?.children.find((c) => c.name === name);
const textOf = (e: XmlElement | undefined, name: string): string | undefined => {
  const value = child(e, name)?.text.trim();
  return value ? value : undefined;
};

/** Reads an order.xml of either version; OrderXmlError says what is wrong with it. */
export function parseAccessOrder(xml: string): AccessOrder {
  const root = parseXml(xml.replace(/^\uFEFF/, ''));
  if (root.name !== 'bestilling') throw new OrderXmlError(`the root element is <${root.name}>, expected <bestilling>`);
  const to = child(root, 'til');
  // Version 2 names the organisation (virksomhet, orgnr) and gives documents a system id.
  const version: AccessOrder['version'] = child(to, 'virksomhet') || child(to, 'orgnr') || /^\s*<\?xml[^>]*\?>\s*<\w+:bestilling/.test(xml) || /<\w+:bestilling/.test(xml) ? 'v2' : 'v1';
  const documents = child(root, 'dokumenter');
  if (!documents) throw new OrderXmlError('the order has no <dokumenter>');
  const lines: OrderLine[] = documents.children
    .filter((d) => d.name === 'dokument')
    .map((d, index) => {
      const line: OrderLine = { index };
      const set = (key: keyof Omit<OrderLine, 'index'>, value: string | undefined) => {
        if (value) line[key] = value.slice(0, 200);
      };
      set('caseNumber', textOf(d, 'saksnr'));
      set('numberInCase', textOf(d, 'dokumentnr'));
      set('registryNumber', textOf(d, 'journalnr'));
      set('systemId', textOf(d, 'systemId') ?? textOf(child(d, 'fagsysteminfo'), 'id') ?? textOf(d, 'id'));
      set('officer', textOf(d, 'saksbehandler'));
      set('unit', textOf(d, 'admEnhet'));
      return line;
    });
  if (!lines.length) throw new OrderXmlError('the order lists no <dokument>');
  const order: AccessOrder = { version, lines };
  const id = textOf(root, 'id');
  const orderedAt = textOf(root, 'bestillingsdato');
  const email = textOf(child(root, 'kontaktinfo'), 'e-post');
  const toName = textOf(to, 'virksomhet') ?? textOf(to, 'enhet');
  if (id) order.id = id.slice(0, 200);
  if (orderedAt) order.orderedAt = orderedAt.slice(0, 50);
  if (email) order.email = email.slice(0, 254);
  if (toName) order.to = toName.slice(0, 200);
  return order;
}
