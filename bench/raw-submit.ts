// SPDX-License-Identifier: EUPL-1.2
// The deadline spike's floor: the writes of one submitForm transaction as plain SQL on the same
// connection pool, in the order the API sends them (captured from a real submission with
// bench/capture.ts): the case number and the case file, the registry number and the entry with its
// sender, three documents (answers PDF, answers JSON, receipt) each with its object, the change log
// and the outbox events, the submission row, the draft removed, `form.submitted` and the receipt
// mail job. Both number series are locked until COMMIT, as in the API. Not in it: HTTP, the session
// look-up, the role and tenant switch, validation, rendering the PDFs and storing the files.
import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';

export interface SpikeTarget {
  tenantId: string;
  seriesId: string;
  formId: string;
  version: number;
  people: { name: string; identityNumber: string; email: string }[];
  answers: Record<string, unknown>;
}

const checksum = (i: number, kind: string) => `${kind}${String(i).padStart(8, '0')}`.padEnd(64, '0');

export async function rawSubmitForm(db: Database, t: SpikeTarget, i: number): Promise<void> {
  const at = new Date();
  const year = at.getUTCFullYear();
  const today = at.toISOString().slice(0, 10);
  const person = t.people[i % t.people.length]!;
  const actor = `user:bench:${person.name}`;
  const caseId = newId();
  const entryId = newId();
  const log = (entityType: string, entityId: string, value: object) => sql`insert into change_log (tenant_id, changed_at, actor, entity_type, entity_id, operation, new_value)
    values (${t.tenantId}, ${at}, ${actor}, ${entityType}, ${entityId}, 'create', ${JSON.stringify(value)})`;
  const event = (type: string, aggregateType: string, aggregateId: string, payload: object) => sql`insert into outbox (tenant_id, event_type, aggregate_type, aggregate_id, payload, created_at)
    values (${t.tenantId}, ${type}, ${aggregateType}, ${aggregateId}, ${JSON.stringify(payload)}, ${at})`;
  const next = (kind: string) => sql<{ last_value: number }>`insert into number_series (tenant_id, kind, year, last_value) values (${t.tenantId}, ${kind}, ${year}, 1)
    on conflict (tenant_id, kind, year) do update set last_value = number_series.last_value + 1 returning last_value`;
  await db.kysely.transaction().execute(async (tx) => {
    const caseSequence = (await next('case-file').execute(tx)).rows[0]!.last_value;
    const caseNumber = `${year}/${caseSequence}`;
    const title = `Melding om feil: veg (${person.name})`;
    await sql`insert into case_files (id, tenant_id, series_id, case_year, case_sequence, title, public_title, status, case_date, keywords, created_at, created_by, updated_at)
      values (${caseId}, ${t.tenantId}, ${t.seriesId}, ${year}, ${caseSequence}, ${title}, ${title}, 'in-progress', ${today}, ${['problem-report']}, ${at}, ${actor}, ${at})`.execute(tx);
    await log('case-file', caseId, { caseNumber, title, status: 'in-progress' }).execute(tx);
    await event('case-file.created', 'case-file', caseId, { caseNumber }).execute(tx);
    await sql`select id from case_files where id = ${caseId} for update`.execute(tx);
    const entrySequence = (await next('registry-entry').execute(tx)).rows[0]!.last_value;
    const registryNumber = `${year}/${entrySequence}`;
    await sql`insert into registry_entries (id, tenant_id, case_file_id, entry_year, entry_sequence, number_in_case, type, status, title, public_title, description,
        received_date, journal_date, created_at, created_by, updated_at)
      values (${entryId}, ${t.tenantId}, ${caseId}, ${year}, ${entrySequence}, 1, 'incoming', 'registered', 'Melding om feil', 'Melding om feil',
        ${`Skjema: report-a-problem v${t.version}. Kanal: web.`}, ${today}, ${today}, ${at}, ${actor}, ${at})`.execute(tx);
    await sql`insert into correspondents (id, tenant_id, registry_entry_id, kind, role, name, identity_number, email, position)
      values (${newId()}, ${t.tenantId}, ${entryId}, 'person', 'sender', ${person.name}, ${person.identityNumber}, ${person.email}, 0)`.execute(tx);
    await log('registry-entry', entryId, { registryNumber, type: 'incoming', title: 'Melding om feil', status: 'registered', correspondents: [person.name] }).execute(tx);
    await event('registry-entry.journalised', 'registry-entry', entryId, { caseFileId: caseId, registryNumber, type: 'incoming' }).execute(tx);
    const documents = [
      { relation: 'main', type: 'form', title: 'Melding om feil', mime: 'application/pdf', format: 'fmt/276', file: 'report-a-problem.pdf', sum: checksum(i, 'a') },
      { relation: 'attachment', type: 'form-data', title: 'Melding om feil (JSON)', mime: 'application/json', format: 'application/json', file: 'report-a-problem.json', sum: checksum(i, 'b') },
      { relation: 'attachment', type: 'receipt', title: `Kvittering ${caseNumber}`, mime: 'application/pdf', format: 'fmt/276', file: `kvittering-${year}-${caseSequence}.pdf`, sum: checksum(i, 'c') },
    ];
    for (const [n, d] of documents.entries()) {
      const documentId = newId();
      await sql`insert into documents (id, tenant_id, registry_entry_id, document_number, relation, title, document_type, status, created_at, created_by)
        values (${documentId}, ${t.tenantId}, ${entryId}, ${n + 1}, ${d.relation}, ${d.title}, ${d.type}, 'draft', ${at}, ${actor})`.execute(tx);
      await log('document', documentId, { registryEntryId: entryId, documentNumber: n + 1, relation: d.relation, title: d.title }).execute(tx);
      const objectId = newId();
      await sql`insert into document_objects (id, tenant_id, document_id, version, variant, format, mime_type, file_name, checksum, size, created_at, created_by)
        values (${objectId}, ${t.tenantId}, ${documentId}, 1, 'production', ${d.format}, ${d.mime}, ${d.file}, ${d.sum}, 14000, ${at}, ${actor})`.execute(tx);
      await log('document-object', objectId, { documentId, version: 1, variant: 'production', checksum: d.sum }).execute(tx);
      await event('document.added', 'registry-entry', entryId, { documentId, checksum: d.sum }).execute(tx);
    }
    const submissionId = newId();
    const owner = `user:bench-${i % t.people.length}`;
    await sql`insert into form_submissions (id, tenant_id, form_id, version, owner, submitted_by, national_id, submitter_name, channel, answers, case_file_id, registry_entry_id,
        case_number, registry_number, answers_checksum, receipt_checksum, receipt_size, attachments, created_at)
      values (${submissionId}, ${t.tenantId}, ${t.formId}, ${t.version}, ${owner}, ${actor}, ${person.identityNumber}, ${person.name}, 'web', ${JSON.stringify(t.answers)}::jsonb,
        ${caseId}, ${entryId}, ${caseNumber}, ${registryNumber}, ${documents[0]!.sum}, ${documents[2]!.sum}, 14000, '[]'::jsonb, ${at})`.execute(tx);
    await sql`delete from form_drafts where form_id = ${t.formId}::uuid and owner = ${owner}`.execute(tx);
    await event('form.submitted', 'form-submission', submissionId, { formId: t.formId, version: t.version, caseFileId: caseId, registryEntryId: entryId, channel: 'web' }).execute(tx);
    await sql`insert into jobs (id, type, tenant_id, payload, key, run_at, status, attempts, created_at)
      values (${newId()}, 'mail.send', ${t.tenantId}::uuid, ${JSON.stringify({ to: person.email, template: 'form-receipt' })}::jsonb, ${`bench-receipt:${submissionId}`}, ${at}, 'done', 0, now())
      on conflict do nothing`.execute(tx);
  });
}
