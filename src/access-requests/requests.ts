// SPDX-License-Identifier: EUPL-1.2
// The requester's side: ask for access to entries of one or more municipalities, confirm the
// e-mail address, follow the request, appeal a decision. An order becomes one request per
// municipality and responsible unit; each is received (with its deadline of 3 working days in
// that municipality's calendar) when the address is confirmed, or at once for a logged-in person.
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.ts';
import { enterTenant, withPublic, withoutTenant, type Tx } from '../platform/db/transaction.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { isMailAddress, sendMail } from '../platform/mail/send.ts';
import { scheduleJob } from '../platform/jobs/store.ts';
import { writeEvent } from '../platform/outbox.ts';
import { newId, isUuid } from '../platform/ids.ts';
import type { Language } from '../common/languages.ts';
import { addWorkingDays } from '../common/calendar/working-days.ts';
import { entryForAccess } from '../archive/service.ts';
import { workingDayCalendar } from '../calendar/service.ts';
import { dateIn } from '../archive/service.ts';
import { confirmMail, receivedMail } from './mail.ts';
import { confirmToken, confirmUrl, hashOf, sameSecret, statusKey, statusUrl } from './links.ts';
import { insertRequest, insertRequestEntries, selectEntriesOf, selectFilesOf, selectPublicEntries, selectPublicTenants, selectRequest, selectVisibleRequests, updateRequest, type RequestEntryRow, type RequestRow } from './repository.ts';

/** Working days the municipality has to answer (offentleglova § 29 and Sivilombudet: normally 1–3). */
export const DEADLINE_WORKING_DAYS = 3;
export const REMIND_JOB = 'access-requests.remind';
export const MAX_ENTRIES = 50;

export interface Requester {
  userId?: string | undefined;
  name?: string | undefined;
}

export interface PublicTenant {
  id: string;
  slug: string;
  name: string;
  country: 'NO' | 'SE';
  language: Language;
}

export interface NewAccessRequest {
  entries: string[];
  email?: string | undefined;
  name?: string | undefined;
  language?: Language | undefined;
}

export const timeZoneOf = (country: 'NO' | 'SE'): string => (country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');

export async function publicTenants(ctx: AppContext, ids: readonly string[]): Promise<Map<string, PublicTenant>> {
  const rows = await withPublic(ctx.db, (tx) => selectPublicTenants(tx, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

const listOf = (entries: Pick<RequestEntryRow, 'registry_number' | 'public_title'>[]): string => entries.map((e) => `${e.registry_number} ${e.public_title}`).join('\n');

/**
 * Receives a request in its municipality's transaction: the deadline counted in working days from
 * today there (holidays and the municipality's closed days skipped), a reminder on the working day
 * before the deadline, an acknowledgement to the requester and an event for other modules.
 */
export async function receive(tx: Tx, ctx: AppContext, request: RequestRow, tenant: PublicTenant, at: Date): Promise<RequestRow> {
  const calendar = await workingDayCalendar(tx, tenant);
  const today = dateIn(at, timeZoneOf(tenant.country));
  const deadline = addWorkingDays(today, DEADLINE_WORKING_DAYS, calendar);
  const remindOn = addWorkingDays(deadline, -1, calendar);
  const received: RequestRow = { ...request, status: 'received', received_at: at, deadline, confirm_hash: null, updated_at: at };
  await updateRequest(tx, request.id, { status: 'received', received_at: at, deadline, confirm_hash: null, updated_at: at });
  // 07:00 UTC is morning in Norway and Sweden, summer and winter.
  await scheduleJob(tx, { type: REMIND_JOB, runAt: new Date(`${remindOn}T07:00:00Z`), payload: { requestId: request.id }, key: `remind:${request.id}` });
  await writeEvent(tx, { tenantId: tenant.id, type: 'access-request.received', aggregateType: 'access-request', aggregateId: request.id, payload: { kind: request.kind, deadline }, at });
  if (request.requester_email) {
    const entries = await selectEntriesOf(tx, [request.id]);
    const key = await statusKey(ctx.config, request.order_id);
    await sendMail(tx, { to: request.requester_email, template: receivedMail, language: request.language, tenantId: tenant.id, at, key: `access-received:${request.id}`,
      params: { municipality: tenant.name, entries: listOf(entries), deadline, url: statusUrl(ctx.config, request.order_id, key) } });
  }
  return received;
}

function checkInput(input: NewAccessRequest, requester: Requester | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.entries.length) errors.push({ field: 'entries', code: 'tooFew', message: 'pick at least one registry entry' });
  if (input.entries.length > MAX_ENTRIES) errors.push({ field: 'entries', code: 'tooMany', message: `at most ${MAX_ENTRIES} entries in one request` });
  input.entries.forEach((id, i) => {
    if (!isUuid(id)) errors.push({ field: `entries.${i}`, code: 'invalidId', message: 'must be the id of a registry entry in a public journal' });
    else if (input.entries.indexOf(id) !== i) errors.push({ field: `entries.${i}`, code: 'duplicate', message: `the same entry as entries.${input.entries.indexOf(id)}` });
  });
  const email = input.email?.trim();
  if (email !== undefined && email !== '' && !isMailAddress(email)) errors.push({ field: 'email', code: 'invalidEmail', message: 'must be one e-mail address, e.g. kari@example.no' });
  if (!requester?.userId && !email) errors.push({ field: 'email', code: 'required', message: 'give an e-mail address to confirm the request, or log in' });
  return errors;
}

export interface CreatedOrder {
  id: string;
  key: string;
  status: 'unconfirmed' | 'received';
  requests: RequestRow[];
}

/** createAccessRequest: everything in one transaction, so a refused request writes nothing anywhere. */
export async function createAccessRequest(ctx: AppContext, input: NewAccessRequest, requester: Requester | undefined): Promise<CreatedOrder> {
  const errors = checkInput(input, requester);
  if (errors.length) throw invalid(errors);
  // What the public journal shows of each entry: its municipality and public values only.
  const shown = await withPublic(ctx.db, (tx) => selectPublicEntries(tx, input.entries));
  input.entries.forEach((id, i) => {
    if (!shown.some((s) => s.id === id)) errors.push({ field: `entries.${i}`, code: 'notFound', message: 'no registry entry with this id is in a public journal' });
  });
  if (errors.length) throw invalid(errors);
  const tenants = await publicTenants(ctx, shown.map((s) => s.tenant_id));
  const at = ctx.clock.now();
  const orderId = newId();
  const key = await statusKey(ctx.config, orderId);
  const token = await confirmToken(ctx.config, orderId);
  const email = input.email?.trim() || null;
  const confirmed = Boolean(requester?.userId);
  const created: RequestRow[] = [];
  await withoutTenant(ctx.db, async (tx) => {
    for (const tenantId of [...new Set(shown.map((s) => s.tenant_id))]) {
      const tenant = tenants.get(tenantId)!;
      await enterTenant(tx, tenantId);
      // By unit: each responsible unit handles its own entries, with its own deadline.
      const groups = new Map<string, { unitId: string | null; unitName: string | null; entries: RequestEntryRow[] }>();
      for (const id of input.entries) {
        const pub = shown.find((s) => s.id === id && s.tenant_id === tenantId);
        if (!pub) continue;
        const entry = await entryForAccess(tx, id);
        if (!entry) throw conflict(`registry entry ${pub.registry_number} of ${tenant.name} cannot be read in its archive; try again later`);
        const groupKey = entry.unitId ?? `name:${entry.unitName ?? ''}`;
        const group = groups.get(groupKey) ?? { unitId: entry.unitId, unitName: entry.unitName, entries: [] };
        group.entries.push({ tenant_id: tenantId, request_id: '', registry_entry_id: id, position: group.entries.length, registry_number: pub.registry_number, document_number: pub.document_number, case_number: pub.case_number, public_title: pub.public_title });
        groups.set(groupKey, group);
      }
      for (const group of groups.values()) {
        const row: RequestRow = {
          id: newId(), tenant_id: tenantId, order_id: orderId, key_hash: hashOf(key), confirm_hash: confirmed ? null : hashOf(token),
          requester_email: email, requester_user_id: requester?.userId ?? null, requester_name: input.name?.trim() || requester?.name || null,
          language: input.language ?? tenant.language, kind: 'request', appeal_of: null, appeal_reason: null, source: 'web', external_id: null,
          unit_id: group.unitId, unit_name: group.unitName, status: 'unconfirmed', received_at: null, deadline: null, reminded_at: null,
          outcome: null, legal_basis: null, explanation: null, decided_at: null, decided_by: null, case_file_id: null, decision_entry_id: null,
          created_at: at, updated_at: at,
        };
        await insertRequest(tx, row);
        await insertRequestEntries(tx, group.entries.map((e) => ({ ...e, request_id: row.id })));
        created.push(confirmed ? await receive(tx, ctx, row, tenant, at) : row);
      }
    }
    if (!confirmed) {
      const entries = shown.map((s) => ({ registry_number: s.registry_number, public_title: `${s.public_title} (${tenants.get(s.tenant_id)!.name})` }));
      // The mail job belongs to the first municipality: a job's tenant must be one the transaction is in.
      await enterTenant(tx, created[0]!.tenant_id);
      await sendMail(tx, { to: email!, template: confirmMail, language: input.language ?? tenants.get(created[0]!.tenant_id)!.language, tenantId: created[0]!.tenant_id, at,
        params: { entries: listOf(entries), url: confirmUrl(ctx.config, orderId, key, token) } });
    }
  });
  return { id: orderId, key, status: confirmed ? 'received' : 'unconfirmed', requests: created };
}

/** Sets what the requester's row-level security reads by: the hash of their link, or their login. */
export async function actAsRequester(tx: Tx, who: { key?: string | undefined; userId?: string | undefined }): Promise<void> {
  await sql`select set_config('radhus.access_key', ${who.key ? hashOf(who.key) : ''}, true), set_config('radhus.user_id', ${who.userId ?? ''}, true)`.execute(tx);
}

/** confirmAccessRequest: the link in the confirmation mail; confirming twice is fine. */
export async function confirmAccessRequest(ctx: AppContext, orderId: string, key: string, token: string): Promise<void> {
  if (!isUuid(orderId) || !sameSecret(token, await confirmToken(ctx.config, orderId)) || !sameSecret(key, await statusKey(ctx.config, orderId))) throw notFound(`access request ${orderId} with this link`);
  const at = ctx.clock.now();
  // The municipalities first: on PGlite a second transaction inside the first would wait forever.
  const seen = await withoutTenant(ctx.db, async (tx) => {
    await actAsRequester(tx, { key });
    return selectVisibleRequests(tx, { orderId });
  });
  if (!seen.length) throw notFound(`access request ${orderId} with this link`);
  const tenants = await publicTenants(ctx, seen.map((r) => r.tenant_id));
  await withoutTenant(ctx.db, async (tx) => {
    await actAsRequester(tx, { key });
    const rows = await selectVisibleRequests(tx, { orderId });
    for (const row of rows.filter((r) => r.status === 'unconfirmed')) {
      await enterTenant(tx, row.tenant_id);
      const locked = await selectRequest(tx, row.id, { forUpdate: true });
      if (locked?.status === 'unconfirmed') await receive(tx, ctx, locked, tenants.get(row.tenant_id)!, at);
    }
  });
}

export interface OrderView {
  id: string;
  requests: (RequestRow & { entries: RequestEntryRow[]; files: Awaited<ReturnType<typeof selectFilesOf>>; municipality: PublicTenant })[];
}

/** getAccessRequest: the order as its requester may see it, by the secret link or the login. */
export async function readOrder(ctx: AppContext, orderId: string, who: { key?: string | undefined; userId?: string | undefined }): Promise<OrderView> {
  if (!isUuid(orderId) || (!who.key && !who.userId)) throw notFound(`access request ${orderId}`);
  const rows = await withoutTenant(ctx.db, async (tx) => {
    await actAsRequester(tx, who);
    const requests = await selectVisibleRequests(tx, { orderId });
    const ids = requests.map((r) => r.id);
    const [entries, files] = [await selectEntriesOf(tx, ids), await selectFilesOf(tx, ids)];
    return requests.map((r) => ({ ...r, entries: entries.filter((e) => e.request_id === r.id), files: files.filter((f) => f.request_id === r.id) }));
  });
  if (!rows.length) throw notFound(`access request ${orderId}`);
  const tenants = await publicTenants(ctx, rows.map((r) => r.tenant_id));
  return { id: orderId, requests: rows.map((r) => ({ ...r, municipality: tenants.get(r.tenant_id)! })) };
}

/** One file sent to the requester (a decided request of theirs only: row-level security). */
export async function readOrderFile(ctx: AppContext, orderId: string, fileId: string, who: { key?: string | undefined; userId?: string | undefined }) {
  if (!isUuid(orderId) || !isUuid(fileId) || (!who.key && !who.userId)) throw notFound(`file ${fileId}`);
  const view = await readOrder(ctx, orderId, who);
  const file = view.requests.flatMap((r) => r.files).find((f) => f.id === fileId);
  if (!file) throw notFound(`file ${fileId}`);
  return file;
}

/** appealAccessRequest: a new request in the same queue, for the same entries, in the same case. */
export async function appealAccessRequest(ctx: AppContext, orderId: string, requestId: string, who: { key?: string | undefined; userId?: string | undefined }, reason: string): Promise<RequestRow> {
  const errors: FieldError[] = [];
  if (!reason.trim()) errors.push({ field: 'reason', code: 'required', message: 'say why the decision should be changed' });
  if (errors.length) throw invalid(errors);
  const view = await readOrder(ctx, orderId, who);
  const decided = view.requests.find((r) => r.id === requestId);
  if (!decided) throw notFound(`access request ${requestId} in order ${orderId}`);
  if (decided.status !== 'decided') throw conflict('only a decided request can be appealed');
  if (decided.kind === 'appeal') throw conflict('this is the decision on an appeal: it goes on to the appeal body, not back to the municipality');
  if (decided.outcome === 'granted') throw conflict('access was granted in full: there is nothing to appeal');
  if (view.requests.some((r) => r.appeal_of === requestId)) throw conflict('this decision has been appealed already');
  const at = ctx.clock.now();
  return withoutTenant(ctx.db, async (tx) => {
    await enterTenant(tx, decided.tenant_id);
    const row: RequestRow = {
      ...decided, id: newId(), kind: 'appeal', appeal_of: decided.id, appeal_reason: reason.trim().slice(0, 4000), status: 'unconfirmed', received_at: null, deadline: null,
      reminded_at: null, outcome: null, legal_basis: null, explanation: null, decided_at: null, decided_by: null, decision_entry_id: null, confirm_hash: null, created_at: at, updated_at: at,
    };
    const { entries: _e, files: _f, municipality, ...plain } = row as typeof row & Partial<OrderView['requests'][number]>;
    await insertRequest(tx, plain);
    await insertRequestEntries(tx, decided.entries.map((e) => ({ ...e, request_id: row.id })));
    return receive(tx, ctx, plain, municipality ?? decided.municipality, at);
  });
}
