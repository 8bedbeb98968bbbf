// SPDX-License-Identifier: EUPL-1.2
// importAccessOrder: eInnsyn sends its orders (order.xml, version 1 or 2) to the municipality, by
// upload or by mail. Each line is matched to an entry of the municipality by system id, registry
// number, or case number with document number; matched lines become requests as from the web
// (received: eInnsyn has confirmed the address), what cannot be matched is reported and kept with
// the import, never dropped.
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { TenantRef } from '../platform/http/auth.ts';
import { invalid } from '../platform/http/problem.ts';
import { isMailAddress } from '../platform/mail/send.ts';
import { newId } from '../platform/ids.ts';
import { SCREENED_MARK } from '../common/screening.ts';
import { findEntryForAccess, type AccessEntry } from '../archive/service.ts';
import { hashOf, statusKey } from './links.ts';
import { OrderXmlError, parseAccessOrder, type OrderLine } from './order-xml.ts';
import { receive } from './requests.ts';
import { insertImport, insertRequest, insertRequestEntries, selectPublicTitle, type RequestEntryRow, type RequestRow } from './repository.ts';

export interface ImportedLine extends OrderLine {
  matched: boolean;
  registryEntryId?: string;
  registryNumber?: string;
  requestId?: string;
  reason?: string;
}

export interface ImportReport {
  id: string;
  format: 'v1' | 'v2';
  externalId: string | null;
  orderId: string | null;
  requests: string[];
  lines: ImportedLine[];
  matched: number;
  unmatched: number;
}

/** journalnr alone (the sequence) is read in the year of the case number, else of the order. */
function registryNumberOf(line: OrderLine, orderedAt: string | undefined): string | undefined {
  const value = line.registryNumber?.trim();
  if (!value) return undefined;
  if (value.includes('/')) return value;
  const year = /^(\d{4})\//.exec(line.caseNumber ?? '')?.[1] ?? /^(\d{4})-/.exec(orderedAt ?? '')?.[1];
  return year && /^\d{1,9}$/.test(value) ? `${year}/${value}` : undefined;
}

export async function importAccessOrder(tx: Tx, ctx: AppContext, c: { tenant: TenantRef; actor: string; at: Date }, xml: string, via: 'upload' | 'mail'): Promise<ImportReport> {
  let order;
  try {
    order = parseAccessOrder(xml);
  } catch (error) {
    if (error instanceof OrderXmlError) throw invalid([{ field: 'xml', code: 'invalidFormat', message: `not an eInnsyn order.xml: ${error.message}` }]);
    throw error;
  }
  if (!order.email || !isMailAddress(order.email)) throw invalid([{ field: 'xml', code: 'invalidEmail', message: 'the order has no valid <kontaktinfo><e-post>: the answer could not be sent' }]);

  const lines: ImportedLine[] = [];
  const groups = new Map<string, { entry: AccessEntry; rows: RequestEntryRow[] }[]>();
  for (const line of order.lines) {
    const ref = { systemId: line.systemId, registryNumber: registryNumberOf(line, order.orderedAt), caseNumber: line.caseNumber, numberInCase: line.numberInCase };
    const entry = await findEntryForAccess(tx, ref);
    if (!entry) {
      lines.push({ ...line, matched: false, reason: 'no entry of this municipality has this system id, registry number or case and document number' });
      continue;
    }
    if (lines.some((l) => l.registryEntryId === entry.id)) {
      lines.push({ ...line, matched: false, registryEntryId: entry.id, registryNumber: entry.registryNumber, reason: 'the same entry as an earlier line' });
      continue;
    }
    lines.push({ ...line, matched: true, registryEntryId: entry.id, registryNumber: entry.registryNumber });
    const key = entry.unitId ?? `name:${entry.unitName ?? ''}`;
    const group = groups.get(key) ?? [];
    // Titles come from the public journal, as the requester saw them there; never from the archive.
    const title = (await selectPublicTitle(tx, entry.id)) ?? SCREENED_MARK;
    group.push({ entry, rows: [{ tenant_id: c.tenant.id, request_id: '', registry_entry_id: entry.id, position: group.length, registry_number: entry.registryNumber, document_number: entry.documentNumber, case_number: entry.caseNumber, public_title: title }] });
    groups.set(key, group);
  }

  const orderId = groups.size ? newId() : null;
  const requests: string[] = [];
  if (orderId) {
    const key = await statusKey(ctx.config, orderId);
    for (const group of groups.values()) {
      const first = group[0]!.entry;
      const row: RequestRow = {
        id: newId(), tenant_id: c.tenant.id, order_id: orderId, key_hash: hashOf(key), confirm_hash: null, requester_email: order.email, requester_user_id: null,
        requester_name: null, language: c.tenant.language, kind: 'request', appeal_of: null, appeal_reason: null, source: 'einnsyn', external_id: order.id ?? null,
        unit_id: first.unitId, unit_name: first.unitName, status: 'unconfirmed', received_at: null, deadline: null, reminded_at: null, outcome: null, legal_basis: null,
        explanation: null, decided_at: null, decided_by: null, case_file_id: null, decision_entry_id: null, created_at: c.at, updated_at: c.at,
      };
      await insertRequest(tx, row);
      await insertRequestEntries(tx, group.flatMap((g) => g.rows).map((e, position) => ({ ...e, request_id: row.id, position })));
      await receive(tx, ctx, row, c.tenant, c.at);
      requests.push(row.id);
      for (const l of lines) if (l.matched && group.some((g) => g.entry.id === l.registryEntryId)) l.requestId = row.id;
    }
  }
  const matched = lines.filter((l) => l.matched).length;
  const report: ImportReport = { id: newId(), format: order.version, externalId: order.id ?? null, orderId, requests, lines, matched, unmatched: lines.length - matched };
  await insertImport(tx, { id: report.id, tenant_id: c.tenant.id, format: order.version, external_id: report.externalId, received_via: via, lines, matched, unmatched: report.unmatched, created_at: c.at, created_by: c.actor });
  return report;
}

/**
 * The mail-in address: a raw RFC 822 message as eInnsyn sends it, with order.xml attached (or as
 * the body). Returns the XML to import; a message without one is refused with a clear error.
 */
export function orderXmlOfMessage(raw: string): string {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const headers = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 2);
  const unfolded = headers.replace(/\n[ \t]+/g, ' ');
  const header = (name: string, from = unfolded) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(from)?.[1]?.trim();
  const decodePart = (partHeaders: string, content: string): string => {
    const encoding = header('Content-Transfer-Encoding', partHeaders)?.toLowerCase();
    if (encoding === 'base64') return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (encoding === 'quoted-printable')
      return Buffer.from(content.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    return content;
  };
  const boundary = /boundary="?([^";\s]+)"?/i.exec(header('Content-Type') ?? '')?.[1];
  const candidates: string[] = [];
  if (boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const p = part.replace(/^\n/, '');
      const end = p.indexOf('\n\n');
      if (end < 0) continue;
      const partHeaders = p.slice(0, end).replace(/\n[ \t]+/g, ' ');
      const type = header('Content-Type', partHeaders) ?? '';
      const disposition = header('Content-Disposition', partHeaders) ?? '';
      const named = /order[^"]*\.xml/i.test(`${type} ${disposition}`);
      const content = decodePart(partHeaders, p.slice(end + 2));
      if (named) candidates.unshift(content);
      else if (/xml/i.test(type)) candidates.push(content);
    }
  } else candidates.push(decodePart(unfolded, body));
  const xml = candidates.find((c) => /<(\w+:)?bestilling[\s>]/.test(c));
  if (!xml) throw invalid([{ field: 'message', code: 'required', message: 'the message carries no order.xml (an eInnsyn <bestilling>)' }]);
  return xml.trim();
}
