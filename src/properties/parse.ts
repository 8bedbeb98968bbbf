// SPDX-License-Identifier: EUPL-1.2
// Reads a property register file (docs/my-page.md): CSV with one fact per line, or JSON with one
// object per property. Every bad line is reported with its line number and field, not only the
// first, and a file with any bad line is not imported at all.
import { parseIdentityNumber, type Country } from '../common/idnumbers.ts';

export interface PropertyRecord {
  municipalityNumber: string;
  gnr: number;
  bnr: number;
  fnr: number;
  snr: number;
  address: string | null;
  owners: Array<{ identityNumber: string; name: string }>;
  services: Array<{ service: 'water' | 'sewage' | 'waste'; description: string | null; nextPickups: string[] }>;
  fees: Array<{ kind: 'fee' | 'invoice'; description: string; amount: number; dueDate: string | null; invoiceNumber: string | null; status: 'open' | 'paid' | 'overdue' | null }>;
}

export interface Rejected {
  /** The line of the CSV file, or of the JSON file where the property's object starts (1-based). */
  line: number;
  field: string;
  message: string;
}

export interface Parsed {
  format: 'csv' | 'json';
  properties: PropertyRecord[];
  rejected: Rejected[];
}

const MATRIKKEL = /^(\d{4})-(\d{1,5})\/(\d{1,4})(?:\/(\d{1,4}))?(?:\/(\d{1,4}))?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const services = ['water', 'sewage', 'waste'] as const;
const feeStatuses = ['open', 'paid', 'overdue'] as const;

const validDay = (v: string): boolean => DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const key = (p: Pick<PropertyRecord, 'municipalityNumber' | 'gnr' | 'bnr' | 'fnr' | 'snr'>) => `${p.municipalityNumber}-${p.gnr}/${p.bnr}/${p.fnr}/${p.snr}`;

/** "3301-12/34", "3301-12/34/0/2": kommunenummer-gnr/bnr[/fnr[/snr]], in this municipality. */
function matrikkel(value: string, municipality: string, at: (field: string, message: string) => void, field = 'matrikkel') {
  const m = MATRIKKEL.exec(value.trim());
  if (!m) return void at(field, 'must be kommunenummer-gnr/bnr/fnr/snr, e.g. 3301-12/34/0/0');
  if (m[1] !== municipality) return void at(field, `the kommunenummer must be this municipality’s (${municipality})`);
  const [gnr, bnr] = [Number(m[2]), Number(m[3])];
  if (gnr < 1 || bnr < 1) return void at(field, 'gnr and bnr start at 1');
  return { municipalityNumber: m[1]!, gnr, bnr, fnr: Number(m[4] ?? 0), snr: Number(m[5] ?? 0) };
}

function owner(identityNumber: string, name: string, country: Country, at: (field: string, message: string) => void) {
  const parsed = parseIdentityNumber(identityNumber.trim(), country);
  if (!parsed.ok || parsed.kind === 'organisation-number') at('identity_number', parsed.ok ? 'must be a person’s identity number' : parsed.reason);
  if (!name.trim()) at('name', 'required');
  else if (name.length > 200) at('name', 'at most 200 characters');
  return parsed.ok && parsed.kind !== 'organisation-number' && name.trim() ? { identityNumber: parsed.normalised, name: name.trim() } : undefined;
}

function fee(kind: string, input: { description: string; amount: string; dueDate: string; invoiceNumber: string; status: string }, at: (field: string, message: string) => void) {
  if (!input.description.trim()) at('description', 'required');
  if (input.description.length > 300) at('description', 'at most 300 characters');
  const amount = /^-?\d{1,10}([.,]\d{1,2})?$/.test(input.amount.trim()) ? Number(input.amount.trim().replace(',', '.')) : NaN;
  if (Number.isNaN(amount)) at('amount', 'must be an amount like 1234.50');
  if (input.dueDate && !validDay(input.dueDate)) at('due_date', 'must be a date YYYY-MM-DD');
  if (input.status && !(feeStatuses as readonly string[]).includes(input.status)) at('status', `must be one of ${feeStatuses.join(', ')}`);
  if (kind === 'invoice' && !input.invoiceNumber.trim()) at('invoice_number', 'an invoice needs its number');
  if (input.invoiceNumber.length > 50) at('invoice_number', 'at most 50 characters');
  return {
    kind: kind as 'fee' | 'invoice', description: input.description.trim(), amount, dueDate: input.dueDate || null, invoiceNumber: input.invoiceNumber.trim() || null,
    status: (input.status || null) as PropertyRecord['fees'][number]['status'],
  };
}

function service(name: string, description: string, pickups: string, at: (field: string, message: string) => void) {
  if (!(services as readonly string[]).includes(name)) at('service', `must be one of ${services.join(', ')}`);
  const days = pickups.split(/[\s;|]+/).filter(Boolean);
  for (const d of days) if (!validDay(d)) at('next_pickups', `"${d.slice(0, 20)}" is not a date YYYY-MM-DD`);
  if (description.length > 300) at('description', 'at most 300 characters');
  return { service: name as 'water' | 'sewage' | 'waste', description: description.trim() || null, nextPickups: [...new Set(days)].sort() };
}

/** RFC 4180 CSV (comma or semicolon, as the header line uses), with the line each record starts on. */
export function csvRecords(text: string): Array<{ line: number; cells: string[] }> {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const out: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) cells.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
  return out;
}

const csvColumns = ['matrikkel', 'type', 'address', 'identity_number', 'name', 'service', 'next_pickups', 'description', 'amount', 'due_date', 'invoice_number', 'status'] as const;

export function parseCsv(text: string, municipality: string, country: Country): Parsed {
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  const rejected: Rejected[] = [];
  const header = records.shift();
  const names = header?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const missing = ['matrikkel', 'type'].filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(csvColumns as readonly string[]).includes(n));
  if (!header || missing.length || unknown.length) {
    rejected.push({ line: 1, field: 'header', message: `the first line names the columns: ${csvColumns.join(', ')}${missing.length ? ` (missing ${missing.join(', ')})` : ''}${unknown.length ? ` (unknown ${unknown.join(', ')})` : ''}` });
    return { format: 'csv', properties: [], rejected };
  }
  const byKey = new Map<string, PropertyRecord>();
  for (const { line, cells } of records) {
    const get = (c: (typeof csvColumns)[number]) => (names.indexOf(c) >= 0 ? (cells[names.indexOf(c)] ?? '').trim() : '');
    const at = (field: string, message: string) => rejected.push({ line, field, message });
    if (cells.length > names.length) at('line', `has ${cells.length} cells, the header ${names.length}`);
    const where = matrikkel(get('matrikkel'), municipality, at);
    const type = get('type');
    if (!['property', 'owner', 'service', 'fee', 'invoice'].includes(type)) {
      at('type', 'must be property, owner, service, fee or invoice');
      continue;
    }
    if (!where) continue;
    const record = byKey.get(key(where)) ?? { ...where, address: null, owners: [], services: [], fees: [] };
    byKey.set(key(where), record);
    if (type === 'property') {
      if (get('address').length > 300) at('address', 'at most 300 characters');
      record.address = get('address') || record.address;
    } else if (type === 'owner') {
      const o = owner(get('identity_number'), get('name'), country, at);
      if (o && record.owners.some((x) => x.identityNumber === o.identityNumber)) at('identity_number', 'this owner is listed twice for the property');
      else if (o) record.owners.push(o);
    } else if (type === 'service') record.services.push(service(get('service'), get('description'), get('next_pickups'), at));
    else record.fees.push(fee(type, { description: get('description'), amount: get('amount'), dueDate: get('due_date'), invoiceNumber: get('invoice_number'), status: get('status') }, at));
  }
  return { format: 'csv', properties: [...byKey.values()], rejected };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** JSON: { "properties": [ { matrikkel, address, owners: [...], services: [...], fees: [...] } ] }. */
export function parseJson(text: string, municipality: string, country: Country): Parsed {
  const rejected: Rejected[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { format: 'json', properties: [], rejected: [{ line: 1, field: 'file', message: `not JSON: ${(error as Error).message}` }] };
  }
  const list = (doc as { properties?: unknown })?.properties;
  if (!Array.isArray(list)) return { format: 'json', properties: [], rejected: [{ line: 1, field: 'properties', message: 'the file is an object with a "properties" array' }] };
  // The line where each property's object starts, so that errors point into the file.
  const starts: number[] = [];
  const body = text.slice(text.indexOf('['));
  let depth = 0;
  let inString = false;
  let line = text.slice(0, text.indexOf('[')).split('\n').length;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (ch === '{' && depth === 1) starts.push(line);
      depth++;
    } else if (ch === '}' || ch === ']') depth--;
  }
  const byKey = new Map<string, PropertyRecord>();
  list.forEach((item: Record<string, unknown>, i) => {
    const at = (field: string, message: string) => rejected.push({ line: starts[i] ?? 1, field: `properties[${i}].${field}`, message });
    if (!item || typeof item !== 'object') return at('', 'must be an object');
    const where = matrikkel(str(item.matrikkel), municipality, at);
    if (!where) return;
    if (byKey.has(key(where))) return at('matrikkel', 'this property is listed twice');
    const record: PropertyRecord = { ...where, address: str(item.address).trim() || null, owners: [], services: [], fees: [] };
    if ((record.address?.length ?? 0) > 300) at('address', 'at most 300 characters');
    const arr = (name: string) => (Array.isArray(item[name]) ? (item[name] as Record<string, unknown>[]) : item[name] === undefined ? [] : (at(name, 'must be a list'), []));
    arr('owners').forEach((o, j) => {
      const found = owner(str(o?.identityNumber), str(o?.name), country, (f, m) => at(`owners[${j}].${f === 'identity_number' ? 'identityNumber' : f}`, m));
      if (found && record.owners.some((x) => x.identityNumber === found.identityNumber)) at(`owners[${j}].identityNumber`, 'this owner is listed twice for the property');
      else if (found) record.owners.push(found);
    });
    arr('services').forEach((s, j) => {
      const pickups = Array.isArray(s?.nextPickups) ? (s.nextPickups as unknown[]).map(str).join(' ') : '';
      record.services.push(service(str(s?.service), str(s?.description), pickups, (f, m) => at(`services[${j}].${f === 'next_pickups' ? 'nextPickups' : f}`, m)));
    });
    arr('fees').forEach((f, j) => {
      const kind = str(f?.kind) || 'fee';
      if (kind !== 'fee' && kind !== 'invoice') at(`fees[${j}].kind`, 'must be fee or invoice');
      const camel: Record<string, string> = { due_date: 'dueDate', invoice_number: 'invoiceNumber' };
      record.fees.push(fee(kind, { description: str(f?.description), amount: str(f?.amount), dueDate: str(f?.dueDate), invoiceNumber: str(f?.invoiceNumber), status: str(f?.status) }, (field, m) => at(`fees[${j}].${camel[field] ?? field}`, m)));
    });
    byKey.set(key(where), record);
  });
  return { format: 'json', properties: [...byKey.values()], rejected };
}
