// SPDX-License-Identifier: EUPL-1.2
// Test factory: a small council in the public projection of one municipality, inserted as
// radhus_app for that tenant (row-level security applies), as the council projection would write
// it — a term, two parties, three persons, a body with memberships (a substitute among them), a
// held meeting with an open item tied to a public case with a published case presentation, a split
// vote with ballots and a closed item; and a planned meeting. Until council-core's projection is on
// this branch, OParl's tests stand on these rows.
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import type { TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';

export interface SeededCouncil {
  termId: string; partyIds: [string, string]; personIds: [string, string, string]; bodyId: string; membershipIds: string[];
  meetingId: string; plannedMeetingId: string; itemId: string; closedItemId: string; caseFileId: string; entryId: string;
  documentId: string; hiddenDocumentId: string; minutesEntryId: string; minutesDocumentId: string; fileBytes: Buffer;
}

const actor = { kind: 'cli' as const, id: 'oparl-test', name: 'oparl test' };

async function entry(tx: Tx, tenantId: string, caseFileId: string, caseNumber: string, n: number, at: Date, visibleFrom: Date | null): Promise<string> {
  const id = newId();
  await sql`insert into public_registry_entries (id, tenant_id, case_file_id, registry_number, entry_year, entry_sequence, document_number, entry_type,
      case_number, case_public_title, public_title, document_date, journal_date, published_at, updated_at, visible_from)
    values (${id}, ${tenantId}, ${caseFileId}, ${`2026/${n}`}, 2026, ${n}, ${`${caseNumber}-${n}`}, 'N', ${caseNumber}, 'Ny skole', ${`Saksframlegg ${n}`},
      '2026-03-01', '2026-03-02', ${at}, ${at}, ${visibleFrom})`.execute(tx);
  return id;
}

/** Seeds the council; `at` stamps every row (created and modified). */
export async function seedCouncil(radhus: TestRadhus, tenant: Tenant, at = radhus.clock.now()): Promise<SeededCouncil> {
  const fileBytes = Buffer.from(`%PDF-1.4 saksframlegg ${tenant.slug}\n`);
  const stored = await radhus.ctx.files.put(Readable.from([fileBytes]));
  return withTenant(radhus.ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
    const t = tenant.id;
    const termId = newId();
    const partyIds: [string, string] = [newId(), newId()];
    const personIds: [string, string, string] = [newId(), newId(), newId()];
    const bodyId = newId();
    await sql`insert into public_council_terms (id, tenant_id, name, starts_on, ends_on, updated_at) values (${termId}, ${t}, '2023–2027', '2023-10-01', '2027-09-30', ${at})`.execute(tx);
    await sql`insert into public_council_parties (id, tenant_id, code, name, updated_at) values
      (${partyIds[0]}, ${t}, 'Ap', 'Arbeiderpartiet', ${at}), (${partyIds[1]}, ${t}, 'H', 'Høyre', ${at})`.execute(tx);
    await sql`insert into public_council_persons (id, tenant_id, given_name, family_name, party_id, created_at, updated_at) values
      (${personIds[0]}, ${t}, 'Kari', 'Nordmann', ${partyIds[0]}, ${at}, ${at}), (${personIds[1]}, ${t}, 'Ola', 'Hansen', ${partyIds[1]}, ${at}, ${at}),
      (${personIds[2]}, ${t}, 'Eva', 'Berg', ${partyIds[1]}, ${at}, ${at})`.execute(tx);
    await sql`insert into public_council_bodies (id, tenant_id, code, kind, name, short_name, created_at, updated_at)
      values (${bodyId}, ${t}, 'kommunestyre', 'council', 'Kommunestyret', 'KS', ${at}, ${at})`.execute(tx);
    const membershipIds = [newId(), newId(), newId()];
    await sql`insert into public_council_memberships (id, tenant_id, body_id, term_id, person_id, role, party_id, substitute_order, starts_on, ends_on, updated_at) values
      (${membershipIds[0]}, ${t}, ${bodyId}, ${termId}, ${personIds[0]}, 'leader', ${partyIds[0]}, null, '2023-10-01', null, ${at}),
      (${membershipIds[1]}, ${t}, ${bodyId}, ${termId}, ${personIds[1]}, 'member', ${partyIds[1]}, null, '2023-10-01', '2027-09-30', ${at}),
      (${membershipIds[2]}, ${t}, ${bodyId}, ${termId}, ${personIds[2]}, 'substitute', ${partyIds[1]}, 1, '2023-10-01', null, ${at})`.execute(tx);

    // The political case, its case presentation (one document in full, one by title only), the minutes.
    const caseFileId = newId();
    await sql`insert into public_case_files (id, tenant_id, case_number, case_year, case_sequence, public_title, status, case_date, updated_at)
      values (${caseFileId}, ${t}, '2026/7', 2026, 7, 'Ny skole', 'B', '2026-02-20', ${at})`.execute(tx);
    const entryId = await entry(tx, t, caseFileId, '2026/7', 1, at, null);
    const minutesEntryId = await entry(tx, t, caseFileId, '2026/7', 2, at, null);
    const documentId = newId();
    const hiddenDocumentId = newId();
    const minutesDocumentId = newId();
    await sql`insert into public_documents (id, tenant_id, registry_entry_id, document_number, relation, public_title, published_in_full, file_name, mime_type, size, checksum, updated_at) values
      (${documentId}, ${t}, ${entryId}, 1, 'H', 'Saksframlegg ny skole', true, 'saksframlegg.pdf', 'application/pdf', ${stored.size}, ${stored.checksum}, ${at}),
      (${hiddenDocumentId}, ${t}, ${entryId}, 2, 'V', 'Vedlegg', false, null, null, null, null, ${at}),
      (${minutesDocumentId}, ${t}, ${minutesEntryId}, 1, 'H', 'Møtebok', true, 'motebok.pdf', 'application/pdf', ${stored.size}, ${stored.checksum}, ${at})`.execute(tx);

    const meetingId = newId();
    const plannedMeetingId = newId();
    await sql`insert into public_council_meetings (id, tenant_id, body_id, starts_at, ends_at, location, status, open, agenda_published_at, live_stream_url,
        recording_url, minutes_status, minutes_entry_id, minutes_published_at, created_at, updated_at) values
      (${meetingId}, ${t}, ${bodyId}, '2026-03-10T16:00:00Z', '2026-03-10T20:00:00Z', 'Kommunestyresalen', 'held', true, ${at}, null,
        'https://video.example.org/ks-2026-03-10', 'approved', ${minutesEntryId}, ${at}, ${at}, ${at}),
      (${plannedMeetingId}, ${t}, ${bodyId}, '2026-12-10T16:00:00Z', null, null, 'planned', true, null, null, null, 'none', null, null, ${at}, ${at})`.execute(tx);
    const itemId = newId();
    const closedItemId = newId();
    const votes = [{
      position: 1, subject: 'Innstillingen', method: 'show-of-hands', outcome: 'adopted',
      counts: [{ option: 'for', label: 'For', count: 2 }, { option: 'against', label: 'Mot', count: 1 }],
      parties: [{ partyId: partyIds[0], option: 'for', count: 1 }, { partyId: partyIds[1], option: 'for', count: 1 }, { partyId: partyIds[1], option: 'against', count: 1 }],
      ballots: [{ personId: personIds[0], partyId: partyIds[0], option: 'for' }, { personId: personIds[1], partyId: partyIds[1], option: 'for' }, { personId: personIds[2], partyId: partyIds[1], option: 'against' }],
    }, {
      // A secret ballot whose row (wrongly) holds the split: OParl must still show its counts only.
      position: 2, subject: 'Valg av styreleder', method: 'secret', outcome: 'adopted',
      counts: [{ option: 'a', label: 'Kari Nordmann', count: 2 }, { option: 'b', label: 'Ola Hansen', count: 1 }],
      parties: [{ partyId: partyIds[1], option: 'b', count: 1 }], ballots: [{ personId: personIds[1], partyId: partyIds[1], option: 'b' }],
    }];
    const proposals = [{ position: 1, kind: 'recommendation', text: 'Skolen bygges.', proposerPersonId: null, partyId: null }];
    await sql`insert into public_council_agenda_items (id, tenant_id, meeting_id, position, item_number, public_title, case_file_id, case_number, presentation_entry_id,
        late, closed, closed_legal_basis, decision_text, decided_at, proposals, votes, disqualifications, reservations, video_offset_seconds, created_at, updated_at) values
      (${itemId}, ${t}, ${meetingId}, 1, 'PS 1/26', 'Ny skole', ${caseFileId}, '2026/7', ${entryId}, false, false, null, 'Skolen bygges.', ${at},
        ${JSON.stringify(proposals)}::jsonb, ${JSON.stringify(votes)}::jsonb, '[]'::jsonb, ${JSON.stringify([{ personId: personIds[2], partyId: partyIds[1], text: 'Mot.' }])}::jsonb, 95, ${at}, ${at}),
      (${closedItemId}, ${t}, ${meetingId}, 2, 'PS 2/26', 'Personalsak', null, null, null, false, true, 'Offl. § 13, fvl. § 13', null, null,
        '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, null, ${at}, ${at})`.execute(tx);
    return {
      termId, partyIds, personIds, bodyId, membershipIds, meetingId, plannedMeetingId, itemId, closedItemId, caseFileId, entryId,
      documentId, hiddenDocumentId, minutesEntryId, minutesDocumentId, fileBytes,
    };
  });
}

/** Removes a meeting from the projection, as the projection does when it is no longer public. */
export async function unpublishMeeting(radhus: TestRadhus, tenant: Tenant, meetingId: string): Promise<void> {
  await withTenant(radhus.ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
    await sql`delete from public_council_agenda_items where meeting_id = ${meetingId}`.execute(tx);
    await sql`delete from public_council_meetings where id = ${meetingId}`.execute(tx);
  });
}

/** Re-projects a meeting the way a projection does: delete and insert again, the same ids. */
export async function reprojectMeeting(radhus: TestRadhus, tenant: Tenant, meetingId: string): Promise<void> {
  await withTenant(radhus.ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
    const rows = (await sql<{ rows: unknown }>`select coalesce(jsonb_agg(to_jsonb(i)), '[]'::jsonb) as rows from public_council_agenda_items i where meeting_id = ${meetingId}`.execute(tx)).rows[0]!.rows;
    await sql`delete from public_council_agenda_items where meeting_id = ${meetingId}`.execute(tx);
    await sql`insert into public_council_agenda_items select * from jsonb_populate_recordset(null::public_council_agenda_items, ${JSON.stringify(rows)}::jsonb)`.execute(tx);
  });
}
