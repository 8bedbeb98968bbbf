// SPDX-License-Identifier: EUPL-1.2
// Bulk data for the deposit-export bench: a small archive made through the real API (closed case
// files of four registry entries each, the first with a small PDF/A document, with their parties
// and change log as the application writes them), then multiplied with set-based SQL
// (generate_series) into the same municipality until it holds the number of entries asked for.
// Every copied row keeps all its columns; its own id and every reference to another copied row map
// to md5(old id, copy)::uuid, so the copies reference each other as the originals do, and case
// and registry numbers move up by a whole template's worth per copy. The documents' bytes are the
// same file in the store (one per template document): the export still writes one file per
// document object. Triggers and foreign-key checks are off for the load, as in journal-data.ts.
import { sql, type Kysely } from 'kysely';

/** Entries per case file, and the case files of the template. */
export const PER_CASE = 4;
export const TEMPLATE_CASES = 25;

/**
 * The tables copied, in reference order: the uuid columns that point at other copied rows (mapped
 * with the copy), and the number columns moved up by the template's range per copy.
 */
const copied: { table: string; mapped: string[]; numbers?: Record<string, string> }[] = [
  { table: 'case_files', mapped: ['id'], numbers: { case_sequence: 'case' } },
  { table: 'registry_entries', mapped: ['id', 'case_file_id'], numbers: { entry_sequence: 'entry' } },
  { table: 'correspondents', mapped: ['id', 'registry_entry_id'] },
  { table: 'documents', mapped: ['id', 'registry_entry_id'] },
  { table: 'document_objects', mapped: ['id', 'document_id'] },
  { table: 'change_log', mapped: ['entity_id'] },
];

/** A one-page PDF/A-1b (its XMP says so): an archival format, so the export copies it as it is. */
export function smallPdfA(text: string): Buffer {
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description></rdf:RDF></x:xmpmeta>`;
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n${xmp}\nendstream\nendobj\n% ${text}\n%%EOF\n`, 'latin1');
}

type Call = (method: 'GET' | 'POST', url: string, payload?: object | Buffer, headers?: Record<string, string>) => Promise<Record<string, any>>;

/** The template through the API: TEMPLATE_CASES closed case files of PER_CASE memos, the first with a document. */
export async function makeTemplate(call: Call, slug: string, upload: (url: string, content: Buffer) => Promise<unknown>): Promise<void> {
  const api = (path: string) => `/api/v1/${slug}${path}`;
  for (let c = 1; c <= TEMPLATE_CASES; c++) {
    const caseFile = await call('POST', api('/case-files'), { title: `Byggesak ${c} - Storgata ${c}, gnr ${c} bnr ${c * 3}` });
    for (let e = 1; e <= PER_CASE; e++) {
      const entry = await call('POST', api(`/case-files/${caseFile.id}/registry-entries`), { type: 'internal-without-followup', title: `Notat ${e} i sak ${c}`, documentDate: '2026-02-27' });
      if (e === 1) await upload(api(`/registry-entries/${entry.id}/documents`), smallPdfA(`dokument ${c}`));
    }
    await call('POST', api(`/case-files/${caseFile.id}/close`));
  }
}

/** Copies the template's rows `copies - 1` times, so the municipality holds `copies` times the template. */
export async function multiply(db: Kysely<any>, tenantId: string, copies: number): Promise<void> {
  if (copies <= 1) return;
  await db.connection().execute(async (c) => {
    await sql`set session_replication_role = replica`.execute(c);
    const range = (await sql<{ cases: number; entries: number }>`select (select max(case_sequence) from case_files where tenant_id = ${tenantId}::uuid) as cases,
      (select max(entry_sequence) from registry_entries where tenant_id = ${tenantId}::uuid) as entries`.execute(c)).rows[0]!;
    const step: Record<string, number> = { case: Number(range.cases), entry: Number(range.entries) };
    for (const { table, mapped, numbers = {} } of copied) {
      const columns = (await sql<{ column_name: string; is_identity: string; is_generated: string }>`select column_name, is_identity, is_generated from information_schema.columns
        where table_schema = 'public' and table_name = ${table} order by ordinal_position`.execute(c)).rows.filter((r) => r.is_identity !== 'YES' && r.is_generated !== 'ALWAYS');
      const names = columns.map((r) => r.column_name);
      const expressions = names.map((name) => {
        if (mapped.includes(name)) return sql`md5(s.${sql.ref(name)}::text || ':' || k)::uuid`;
        if (name === 'system_id') return sql`md5(s.id::text || ':' || k)::uuid::text`;
        if (numbers[name]) return sql`s.${sql.ref(name)} + k * ${step[numbers[name]]!}`;
        return sql`s.${sql.ref(name)}`;
      });
      // The change log of the template's own rows only (not of the series or the municipality).
      const only = table === 'change_log' ? sql`and s.entity_type in ('case-file', 'registry-entry', 'document', 'correspondent', 'document-object')` : sql``;
      await sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
        select ${sql.join(expressions)} from ${sql.table(table)} s cross join generate_series(1, ${copies - 1}) k
        where s.tenant_id = ${tenantId}::uuid ${only}`.execute(c);
    }
    await sql`set session_replication_role = origin`.execute(c);
    for (const { table } of copied) await sql`analyze ${sql.table(table)}`.execute(c);
  });
}

/** The registry entries, with their case file and first party, as the floor copies them out. */
export const floorSelect = (tenantId: string) => `select e.system_id, e.entry_year, e.entry_sequence, e.title, e.journal_date, e.type, e.status,
    cf.system_id as case_system_id, cf.case_year, cf.case_sequence, cf.title as case_title, p.name, p.role, o.checksum, o.size
  from registry_entries e join case_files cf on cf.id = e.case_file_id
  left join lateral (select name, role from correspondents where registry_entry_id = e.id order by position limit 1) p on true
  left join documents d on d.registry_entry_id = e.id
  left join document_objects o on o.document_id = d.id
  where e.tenant_id = '${tenantId}'`;
