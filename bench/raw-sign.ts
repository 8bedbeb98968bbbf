// SPDX-License-Identifier: EUPL-1.2
// The popular proposal's floor: the writes of one signProposal transaction as plain SQL on the same
// connection pool, in the order the API sends them (captured with BENCH_PROPOSAL_CAPTURE=1): the
// proposal's row lock, the signature, the count, the `proposal.changed` outbox row. The signature
// that reaches the threshold also files the case in the same transaction, as the API does: the case
// number and the case file, the registry number and the incoming entry with its sender, the
// proposal's document and its object (change log and outbox for each), the proposal marked reached,
// and a notice (its row and its mail job) to every address that asked to be told. Not in it: HTTP,
// the session look-up, the role and tenant switch, the user's read, the double-sign check,
// validation, the settings and bodies read, writing the document's file, presenting the answer.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';
import { decisionDueOn } from '../src/proposals/rules.ts';

export interface Signer { userId: string; name: string; identityNumber: string }
export interface SignTarget { tenantId: string; seriesId: string; bodyId: string; proposalId: string; people: Signer[]; author: Signer }

export async function rawSign(db: Database, t: SignTarget, i: number): Promise<void> {
  const at = new Date();
  const person = t.people[i % t.people.length]!;
  await db.kysely.transaction().execute(async (tx) => {
    const p = (await sql<{ signature_count: number; threshold: number; status: string; title: string }>`select signature_count, threshold, status, title
      from citizen_proposals where id = ${t.proposalId} for update`.execute(tx)).rows[0]!;
    await sql`insert into citizen_proposal_signatures (id, tenant_id, proposal_id, identity_number, name, source, user_id, level, authenticated_at, registered_by, notify_email, language, signed_at)
      values (${newId()}, ${t.tenantId}, ${t.proposalId}, ${person.identityNumber}, ${person.name}, 'eid', ${person.userId}, 'high', ${at}, null, ${`innbygger${i}@example.no`}, 'nb', ${at})`.execute(tx);
    const count = p.signature_count + 1;
    if (p.status === 'open' && count >= p.threshold) await rawReach(tx, t, { ...p, signature_count: count }, at);
    else await sql`update citizen_proposals set signature_count = ${count}, updated_at = ${at} where id = ${t.proposalId}`.execute(tx);
    await event(t, 'proposal.changed', 'citizen-proposal', t.proposalId, { proposalId: t.proposalId }, at).execute(tx);
  });
}

const event = (t: SignTarget, type: string, aggregateType: string, aggregateId: string, payload: object, at: Date) => sql`insert into outbox (tenant_id, event_type, aggregate_type, aggregate_id, payload, created_at)
  values (${t.tenantId}, ${type}, ${aggregateType}, ${aggregateId}, ${JSON.stringify(payload)}, ${at})`;

async function rawReach(tx: Transaction<any>, t: SignTarget, p: { signature_count: number; threshold: number; title: string }, at: Date): Promise<void> {
  const year = at.getUTCFullYear();
  const today = at.toISOString().slice(0, 10);
  const actor = 'user:bench:Innbygger';
  const caseId = newId();
  const entryId = newId();
  const title = `Innbyggerforslag: ${p.title}`;
  const log = (entityType: string, entityId: string, value: object) => sql`insert into change_log (tenant_id, changed_at, actor, entity_type, entity_id, operation, new_value)
    values (${t.tenantId}, ${at}, ${actor}, ${entityType}, ${entityId}, 'create', ${JSON.stringify(value)})`;
  const next = (kind: string) => sql<{ last_value: number }>`insert into number_series (tenant_id, kind, year, last_value) values (${t.tenantId}, ${kind}, ${year}, 1)
    on conflict (tenant_id, kind, year) do update set last_value = number_series.last_value + 1 returning last_value`;

  const caseSequence = (await next('case-file').execute(tx)).rows[0]!.last_value;
  const caseNumber = `${year}/${caseSequence}`;
  await sql`insert into case_files (id, tenant_id, series_id, case_year, case_sequence, title, public_title, status, case_date, keywords, created_at, created_by, updated_at)
    values (${caseId}, ${t.tenantId}, ${t.seriesId}, ${year}, ${caseSequence}, ${title}, ${title}, 'in-progress', ${today}, ${[]}, ${at}, ${actor}, ${at})`.execute(tx);
  await log('case-file', caseId, { caseNumber, title, status: 'in-progress' }).execute(tx);
  await event(t, 'case-file.created', 'case-file', caseId, { caseNumber }, at).execute(tx);
  await sql`select id from case_files where id = ${caseId} for update`.execute(tx);
  const entrySequence = (await next('registry-entry').execute(tx)).rows[0]!.last_value;
  const registryNumber = `${year}/${entrySequence}`;
  await sql`insert into registry_entries (id, tenant_id, case_file_id, entry_year, entry_sequence, number_in_case, type, status, title, public_title, description,
      received_date, journal_date, created_at, created_by, updated_at)
    values (${entryId}, ${t.tenantId}, ${caseId}, ${year}, ${entrySequence}, 1, 'incoming', 'registered', ${title}, ${title}, ${`Antall underskrifter: ${p.signature_count}.`},
      ${today}, ${today}, ${at}, ${actor}, ${at})`.execute(tx);
  await sql`insert into correspondents (id, tenant_id, registry_entry_id, kind, role, name, identity_number, position)
    values (${newId()}, ${t.tenantId}, ${entryId}, 'person', 'sender', ${t.author.name}, ${t.author.identityNumber}, 0)`.execute(tx);
  await log('registry-entry', entryId, { registryNumber, type: 'incoming', title, status: 'registered', correspondents: [t.author.name] }).execute(tx);
  await event(t, 'registry-entry.journalised', 'registry-entry', entryId, { caseFileId: caseId, registryNumber, type: 'incoming' }, at).execute(tx);
  await sql`select id from registry_entries where id = ${entryId} for update`.execute(tx);
  const documentId = newId();
  const checksum = `${caseSequence}`.padStart(8, '0').padEnd(64, 'a');
  await sql`insert into documents (id, tenant_id, registry_entry_id, document_number, relation, title, document_type, status, created_at, created_by)
    values (${documentId}, ${t.tenantId}, ${entryId}, 1, 'main', ${title}, 'letter', 'draft', ${at}, ${actor})`.execute(tx);
  await log('document', documentId, { registryEntryId: entryId, documentNumber: 1, relation: 'main', title }).execute(tx);
  const objectId = newId();
  await sql`insert into document_objects (id, tenant_id, document_id, version, variant, format, mime_type, file_name, checksum, size, created_at, created_by)
    values (${objectId}, ${t.tenantId}, ${documentId}, 1, 'production', 'x-fmt/111', 'text/plain', 'innbyggerforslag.txt', ${checksum}, 600, ${at}, ${actor})`.execute(tx);
  await log('document-object', objectId, { documentId, version: 1, variant: 'production', checksum }).execute(tx);
  await event(t, 'document.added', 'registry-entry', entryId, { documentId, checksum }, at).execute(tx);
  await sql`update citizen_proposals set status = 'reached', reached_at = ${at}, body_id = ${t.bodyId}, case_file_id = ${caseId}, registry_entry_id = ${entryId},
      decision_due_on = ${decisionDueOn(today, 'NO')}, signature_count = ${p.signature_count}, updated_at = ${at} where id = ${t.proposalId}`.execute(tx);
  // Everyone who asked to be told: a notice row (once per address) and its mail job, as notify() writes them.
  const addresses = (await sql<{ notify_email: string }>`select notify_email, language from citizen_proposal_signatures
    where proposal_id = ${t.proposalId} and notify_email is not null order by signed_at`.execute(tx)).rows;
  for (const { notify_email: email } of addresses) {
    const claimed = await sql`insert into citizen_proposal_notices (tenant_id, proposal_id, step, email, sent_at) values (${t.tenantId}, ${t.proposalId}, 'reached', ${email}, ${at})
      on conflict (proposal_id, step, email) do nothing returning email`.execute(tx);
    if (!claimed.rows.length) continue;
    const text = `Forslaget «${p.title}» har nådd ${p.threshold} underskrifter og er blitt sak ${caseNumber}. Kommunestyret skal behandle det.`;
    const mail = { id: newId(), to: email, subject: `Innbyggerforslaget har nådd målet: ${p.title}`, text, html: `<p>${text}</p>`, language: 'nb', template: 'proposals.notice' };
    await sql`insert into jobs (id, type, tenant_id, payload, key, run_at, status, attempts, created_at)
      values (${newId()}, 'mail.send', ${t.tenantId}::uuid, ${JSON.stringify({ mail })}::jsonb, ${`bench-notice:${t.proposalId}:${email}`}, ${at}, 'done', 0, now()) on conflict do nothing`.execute(tx);
  }
}
