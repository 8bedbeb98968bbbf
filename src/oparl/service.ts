// SPDX-License-Identifier: EUPL-1.2
// The OParl API's reads: a page of a list or one object of a municipality, presented with what it
// embeds. Expects a transaction opened by withPublic. Each page costs a fixed number of queries
// (the page, then one batch per embedded kind), however long it is.
import type { Tx } from '../platform/db/transaction.ts';
import {
  filesOfEntries, findDownload, findPublicTenant, itemsOfCases, itemsOfMeetings, listPublicTenantPage, membershipIdsOfBodies, membershipsOfPersons,
  selectObjects, termsOf, usesOfEntries,
  type AgendaItemRow, type FileRow, type ListKind, type MeetingRow, type MembershipRow, type OrganizationRow, type PaperRow, type PersonRow,
  type Selection, type Stamps, type TenantRow, type TermRow, type LocationRow,
} from './repository.ts';
import {
  presentAgendaItem, presentConsultation, presentFile, presentLocation, presentMeeting, presentMembership, presentOrganization,
  presentPaper, presentPerson, presentTerm, type OParlObject,
} from './presenters.ts';
import type { Urls } from './urls.ts';

export { findPublicTenant, listPublicTenantPage, termsOf, findDownload, type TenantRow, type FileRow };
export { presentBody, presentSystem, type OParlObject } from './presenters.ts';

const groupBy = <T>(rows: T[], key: (r: T) => string | null): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) map.set(k, [...(map.get(k) ?? []), r]);
  }
  return map;
};
const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/** The rows of one kind presented, with their embedded objects read in one batch per kind. */
async function present(tx: Tx, u: Urls, tenantId: string, kind: ListKind, rows: Stamps[], omitInternal: boolean, now: Date): Promise<OParlObject[]> {
  switch (kind) {
    case 'legislativeTerm':
      return (rows as TermRow[]).map((r) => presentTerm(u, r));
    case 'membership':
      return (rows as MembershipRow[]).map((r) => presentMembership(u, r));
    case 'location':
      return (rows as LocationRow[]).map((r) => presentLocation(u, r));
    case 'consultation':
      return (rows as AgendaItemRow[]).map((r) => presentConsultation(u, r));
    case 'organization': {
      const orgs = rows as OrganizationRow[];
      const byBody = groupBy(await membershipIdsOfBodies(tx, tenantId, orgs.filter((o) => o.kind === 'body').map((o) => o.id)), (m) => m.body_id);
      return orgs.map((o) => presentOrganization(u, o, (byBody.get(o.id) ?? []).map((m) => m.id)));
    }
    case 'person': {
      const persons = rows as PersonRow[];
      const byPerson = omitInternal ? undefined : groupBy(await membershipsOfPersons(tx, tenantId, persons.map((p) => p.id)), (m) => m.person_id);
      return persons.map((p) => presentPerson(u, p, byPerson ? (byPerson.get(p.id) ?? []) : undefined));
    }
    case 'agendaItem': {
      const items = rows as AgendaItemRow[];
      const files = groupBy(await filesOfEntries(tx, tenantId, unique(items.map((i) => i.presentation_entry_id)), now), (f) => f.registry_entry_id);
      return items.map((i) => presentAgendaItem(u, i, i.presentation_entry_id ? (files.get(i.presentation_entry_id) ?? []) : []));
    }
    case 'meeting': {
      const meetings = rows as MeetingRow[];
      const items = omitInternal ? [] : await itemsOfMeetings(tx, tenantId, meetings.map((m) => m.id));
      const entries = unique([...items.map((i) => i.presentation_entry_id), ...(omitInternal ? [] : meetings.map((m) => m.minutes_entry_id))]);
      const files = groupBy(await filesOfEntries(tx, tenantId, entries, now), (f) => f.registry_entry_id);
      const byMeeting = groupBy(items, (i) => i.meeting_id);
      return meetings.map((m) => presentMeeting(u, m, byMeeting.get(m.id) ?? [], files, m.minutes_entry_id ? (files.get(m.minutes_entry_id) ?? []) : [], omitInternal));
    }
    case 'paper': {
      const papers = rows as PaperRow[];
      const items = await itemsOfCases(tx, tenantId, papers.map((p) => p.id));
      const files = omitInternal ? new Map<string, FileRow[]>() : groupBy(await filesOfEntries(tx, tenantId, unique(items.map((i) => i.presentation_entry_id)), now), (f) => f.registry_entry_id);
      const byCase = groupBy(items, (i) => i.case_file_id);
      return papers.map((p) => {
        const own = byCase.get(p.id) ?? [];
        const seen = new Set<string>();
        const docs = unique(own.map((i) => i.presentation_entry_id)).flatMap((e) => files.get(e) ?? []).filter((f) => !seen.has(f.id) && seen.add(f.id));
        return presentPaper(u, p, own, docs, omitInternal);
      });
    }
    case 'file': {
      const files = rows as FileRow[];
      const uses = groupBy(await usesOfEntries(tx, tenantId, unique(files.map((f) => f.registry_entry_id))), (x) => x.entry_id);
      return files.map((f) => {
        const of = uses.get(f.registry_entry_id) ?? [];
        return presentFile(u, f, {
          meeting: unique(of.map((x) => x.meeting_id)),
          agendaItem: unique(of.map((x) => x.item_id)),
          paper: unique(of.map((x) => x.case_file_id)),
        });
      });
    }
  }
}

export interface Page { data: OParlObject[]; lastId: string | undefined; more: boolean }

/** One page of a list: `limit` objects in id order and whether more follow. */
export async function readPage(tx: Tx, u: Urls, kind: ListKind, s: Selection, omitInternal: boolean): Promise<Page> {
  const rows = await selectObjects<Stamps>(tx, kind, { ...s, limit: s.limit + 1 });
  const more = rows.length > s.limit;
  const shown = rows.slice(0, s.limit);
  return { data: await present(tx, u, s.tenantId, kind, shown, omitInternal, s.now), lastId: shown.at(-1)?.id, more };
}

/** One object at its own URL; undefined when the municipality has no such public object. */
export async function readObject(tx: Tx, u: Urls, kind: ListKind, tenantId: string, id: string, now: Date): Promise<OParlObject | undefined> {
  const rows = await selectObjects<Stamps>(tx, kind, { tenantId, id, limit: 1, now });
  if (!rows.length) return undefined;
  return (await present(tx, u, tenantId, kind, rows, false, now))[0];
}
