// SPDX-License-Identifier: EUPL-1.2
// The floor: what the database alone costs for the same rows. One transaction per entry that does
// what registering does — lock the case file, allocate the registry number, number the entry in its
// case, insert the entry, its correspondent, its change-log row and its outbox event — as plain SQL
// on the same engine and connection pool, without HTTP, the token check, validation or RLS role
// switching.
import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';

export async function rawRegisterEntry(db: Database, tenantId: string, caseFileId: string, title: string): Promise<void> {
  const now = new Date();
  const id = newId();
  const year = now.getUTCFullYear();
  const today = now.toISOString().slice(0, 10);
  await db.kysely.transaction().execute(async (tx) => {
    await sql`select id from case_files where id = ${caseFileId} for update`.execute(tx);
    const number = await sql<{ last_value: number }>`
      insert into number_series (tenant_id, kind, year, last_value) values (${tenantId}, 'registry-entry', ${year}, 1)
      on conflict (tenant_id, kind, year) do update set last_value = number_series.last_value + 1
      returning last_value`.execute(tx);
    const sequence = number.rows[0]!.last_value;
    const inCase = await sql<{ n: number }>`select coalesce(max(number_in_case), 0) + 1 as n from registry_entries where case_file_id = ${caseFileId}`.execute(tx);
    const numberInCase = inCase.rows[0]!.n;
    await sql`insert into registry_entries (id, tenant_id, case_file_id, entry_year, entry_sequence, number_in_case, type, status, title, public_title,
                received_date, journal_date, created_at, created_by, updated_at)
              values (${id}, ${tenantId}, ${caseFileId}, ${year}, ${sequence}, ${numberInCase}, 'incoming', 'registered', ${title}, ${title},
                ${today}, ${today}, ${now}, 'system:bench:raw', ${now})`.execute(tx);
    await sql`insert into correspondents (id, tenant_id, registry_entry_id, kind, role, name, position)
              values (${newId()}, ${tenantId}, ${id}, 'person', 'sender', 'Kari Nordmann', 0)`.execute(tx);
    await sql`insert into change_log (tenant_id, changed_at, actor, entity_type, entity_id, operation, new_value)
              values (${tenantId}, ${now}, 'system:bench:raw', 'registry-entry', ${id}, 'create',
                ${JSON.stringify({ registryNumber: `${year}/${sequence}`, type: 'incoming', title, status: 'registered', correspondents: ['Kari Nordmann'] })})`.execute(tx);
    await sql`insert into outbox (tenant_id, event_type, aggregate_type, aggregate_id, payload, created_at)
              values (${tenantId}, 'registry-entry.journalised', 'registry-entry', ${id},
                ${JSON.stringify({ caseFileId, registryNumber: `${year}/${sequence}`, type: 'incoming' })}, ${now})`.execute(tx);
  });
}

const caseColumns = sql.raw(`id, tenant_id, series_id, class_id, case_year, case_sequence, title, public_title, description, status, case_date,
  responsible_unit, responsible_officer, screening, keywords, created_at, created_by, updated_at, closed_at, closed_by`);

/** The first page of a municipality's case files, newest first, as listCaseFiles reads it. */
export async function rawListCaseFiles(db: Database, tenantId: string, limit: number): Promise<number> {
  const result = await sql`select ${caseColumns} from case_files where tenant_id = ${tenantId} order by id desc limit ${limit + 1}`.execute(db.kysely);
  return result.rows.length;
}

/** One case file with its entries and their parties, as getCaseFile reads it (in one transaction). */
export async function rawGetCaseFile(db: Database, caseFileId: string): Promise<number> {
  return db.kysely.transaction().execute(async (tx) => {
    await sql`select ${caseColumns} from case_files where id = ${caseFileId}`.execute(tx);
    const entries = await sql<{ id: string }>`select id, entry_year, entry_sequence, number_in_case, type, status, title, public_title, journal_date,
        document_date, received_date, sent_date, screening from registry_entries where case_file_id = ${caseFileId} order by number_in_case`.execute(tx);
    const ids = entries.rows.map((e) => e.id);
    if (ids.length) await sql`select * from correspondents where registry_entry_id in (${sql.join(ids)}) order by position`.execute(tx);
    return entries.rows.length;
  });
}
