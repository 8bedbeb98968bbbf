// SPDX-License-Identifier: EUPL-1.2
// Deleted objects (OParl 1.1 "Gelöschte Objekte"): what left the public projection is still
// answered at its URL as {id, type, created, modified, deleted: true}, and listed among the changes
// a client asks for with created_since/modified_since. The record is oparl_deleted (migration
// 0025 in the plan, kept by triggers on the public tables); merged here into a page in id order, so the keyset
// goes on across live and deleted objects alike.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import type { ListKind, Selection } from './repository.ts';
import { presentDeleted } from './presenters.ts';
import type { Page } from './service.ts';
import type { Urls } from './urls.ts';

/** Which public tables' deleted rows each kind is made of (a paper is a case: the journal's, not ours). */
const sources: Record<ListKind, string[]> = {
  organization: ['public_council_bodies', 'public_council_parties'],
  person: ['public_council_persons'],
  membership: ['public_council_memberships'],
  meeting: ['public_council_meetings'],
  location: ['public_council_meetings'],
  agendaItem: ['public_council_agenda_items'],
  consultation: ['public_council_agenda_items'],
  file: ['public_documents'],
  legislativeTerm: ['public_council_terms'],
  paper: [],
};
const typeNames: Record<ListKind, string> = {
  organization: 'Organization', person: 'Person', membership: 'Membership', meeting: 'Meeting', location: 'Location',
  agendaItem: 'AgendaItem', consultation: 'Consultation', file: 'File', legislativeTerm: 'LegislativeTerm', paper: 'Paper',
};

interface DeletedRow { id: string; created_at: Date; deleted_at: Date }

async function selectDeleted(tx: Tx, kind: ListKind, s: Selection): Promise<DeletedRow[]> {
  const from = sources[kind];
  if (!from.length) return [];
  const where: RawBuilder<unknown>[] = [sql`tenant_id = ${s.tenantId}::uuid`, sql`source in (${sql.join(from)})`];
  if (s.id !== undefined) where.push(sql`id = ${s.id}::uuid`);
  if (s.after !== undefined) where.push(sql`id > ${s.after}::uuid`);
  if (s.createdSince) where.push(sql`created_at >= ${s.createdSince}`);
  if (s.createdUntil) where.push(sql`created_at <= ${s.createdUntil}`);
  if (s.modifiedSince) where.push(sql`deleted_at >= ${s.modifiedSince}`);
  if (s.modifiedUntil) where.push(sql`deleted_at <= ${s.modifiedUntil}`);
  return (await sql<DeletedRow>`select id, created_at, deleted_at from oparl_deleted where ${sql.join(where, sql` and `)} order by id limit ${s.limit + 1}`.execute(tx)).rows;
}

/** The live page with the deleted objects of the same id range merged in, cut to the page size. */
export async function readDeletedPage(tx: Tx, u: Urls, kind: ListKind, s: Selection, live: Page): Promise<Page> {
  const deleted = await selectDeleted(tx, kind, s);
  if (!deleted.length) return live;
  const tombstones = deleted.map((d) => ({ key: d.id, object: presentDeleted(u.object(kind, d.id), typeNames[kind], d.created_at, d.deleted_at) }));
  const keyOf = (id: string) => id.slice(id.lastIndexOf('/') + 1);
  const merged = [...live.data.map((o) => ({ key: keyOf(o.id), object: o })), ...tombstones].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shown = merged.slice(0, s.limit);
  return { data: shown.map((m) => m.object), lastId: shown.at(-1)?.key, more: live.more || merged.length > s.limit };
}
