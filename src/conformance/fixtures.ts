// SPDX-License-Identifier: EUPL-1.2
// A municipality with something in every corner of its archive, made through the API, and
// snapshots of everything it owns: through the API with its own tokens, and row by row in the
// database as the owner. Comparing snapshots shows whether anything changed.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { roles, type Role } from '../platform/http/auth.ts';
import type { Ids } from './support.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';
import { loggedInPerson, type TestPerson } from '../test-support/person.ts';
import { importProperties } from '../properties/service.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { exampleDefinition } from '../forms/schema.ts';

export interface Fixture {
  tenant: Tenant;
  tokens: Record<Role, string>;
  ids: Ids;
  /** Titles, names and checksums unique to this tenant: another tenant must never see them. */
  secrets: string[];
  /** A closed case file and its archived entry. */
  frozen: { caseFile: string; registryEntry: string };
  /** The party of the case file, logged in as a citizen (My page): the walk's citizen for person-only routes. */
  person: TestPerson;
}

type Json = Record<string, any>;

export async function call(radhus: TestRadhus, token: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object): Promise<Json> {
  const res = await radhus.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
}

export async function upload(radhus: TestRadhus, token: string, url: string, content: Buffer, fields: Record<string, string> = {}): Promise<Json> {
  const form = multipartBody({ file: { name: 'letter.pdf', type: 'application/pdf', content }, ...fields });
  const res = await radhus.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, ...form.headers }, payload: form.body });
  if (res.statusCode !== 201) throw new Error(`upload ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function tokensFor(radhus: TestRadhus, tenant: Tenant): Promise<Record<Role, string>> {
  const entries = await Promise.all(roles.map(async (role) => [role, await radhus.token(tenant, role)] as const));
  return Object.fromEntries(entries) as Record<Role, string>;
}

/** A new Norwegian municipality "<label> kommune" with a token per role and a filled archive. */
export async function seededMunicipality(radhus: TestRadhus, label: string): Promise<Fixture> {
  const tenant = await radhus.tenant({ name: `${label} kommune`, country: 'NO' });
  return seedTenant(radhus, tenant, await tokensFor(radhus, tenant), label);
}

/** Fills a municipality's archive: open and closed cases, letters with parties, a PDF, remarks, references, retention. */
async function seedTenant(radhus: TestRadhus, tenant: Tenant, tokens: Record<Role, string>, label: string): Promise<Fixture> {
  const tag = `${label}-${randomBytes(4).toString('hex')}`;
  const t = tokens['case-officer'];
  const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
  const classes = (await call(radhus, t, 'GET', api('/classes'))).items;
  const series = (await call(radhus, t, 'GET', api('/series'))).items;
  if (!classes.length || !series.length) throw new Error('a new tenant should have a series and classes');
  // The letter's sender is a person with an identity number, logged in: My page shows her the case.
  const person = await loggedInPerson(radhus, [tenant.id], { name: `Kari ${tag}`, level: 'substantial' });
  const titles = { caseFile: `Byggesak ${tag}`, other: `Klage ${tag}`, entry: `Søknad ${tag}`, reply: `Svar ${tag}`, closed: `Avsluttet ${tag}`, sender: `Kari ${tag}`, remark: `Merknad ${tag}` };

  const caseFile = await call(radhus, t, 'POST', api('/case-files'), { title: titles.caseFile, classId: classes[0].id, keywords: [tag] });
  const otherCaseFile = await call(radhus, t, 'POST', api('/case-files'), { title: titles.other });
  const entry = await call(radhus, t, 'POST', api(`/case-files/${caseFile.id}/registry-entries`), {
    type: 'incoming',
    title: titles.entry,
    documentDate: '2026-02-27',
    correspondents: [{ name: titles.sender, kind: 'person', role: 'sender', identityNumber: person.identityNumber }],
  });
  const reply = await call(radhus, t, 'POST', api(`/case-files/${caseFile.id}/registry-entries`), {
    type: 'outgoing',
    title: titles.reply,
    correspondents: [{ name: titles.sender, kind: 'person', role: 'recipient', identityNumber: person.identityNumber }],
  });
  const pdf = Buffer.from(`%PDF-1.7\n% ${tag}\n%%EOF\n`);
  const document = await upload(radhus, t, api(`/registry-entries/${entry.id}/documents`), pdf, { title: `Vedlegg ${tag}` });
  await call(radhus, t, 'POST', api(`/case-files/${caseFile.id}/remarks`), { text: titles.remark });
  await call(radhus, t, 'POST', api(`/registry-entries/${entry.id}/remarks`), { text: `${titles.remark} (entry)` });
  await call(radhus, t, 'POST', api(`/case-files/${caseFile.id}/cross-references`), { toType: 'case-file', toId: otherCaseFile.id });
  await call(radhus, tokens.archivist, 'POST', api(`/case-files/${caseFile.id}/retention`), { decision: 'keep', authority: `Bevaringsplan ${tag}` });
  // A closed case with an archived letter: the frozen part of the archive.
  const closed = await call(radhus, t, 'POST', api('/case-files'), { title: titles.closed });
  const memo = await call(radhus, t, 'POST', api(`/case-files/${closed.id}/registry-entries`), { type: 'internal-without-followup', title: `${titles.closed} notat` });
  await call(radhus, t, 'POST', api(`/case-files/${closed.id}/close`));

  const closedDay = await call(radhus, tokens['tenant-admin'], 'POST', api('/closed-days'), { date: '2026-05-15', reason: `Stengt ${tag}` });
  // Staff and units: a case officer (also a citizen, so a role can be granted again and revoked) and two units.
  const unit = await call(radhus, tokens['tenant-admin'], 'POST', api('/units'), { code: 'ENH', name: `Enhet ${tag}` });
  const otherUnit = await call(radhus, tokens['tenant-admin'], 'POST', api('/units'), { code: 'ANNEN', name: `Annen enhet ${tag}` });
  const user = await withoutTenant(radhus.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://walk.test', subject: tag, name: `Saksbehandler ${tag}`, email: undefined, identityNumber: undefined }, radhus.clock.now());
    for (const role of ['case-officer', 'citizen'] as const) await grantLocalRole(tx, tenant.id, id, role, radhus.clock.now());
    return id;
  });

  // An access request for the letter, as eInnsyn sends one: work in the municipality's queue.
  const order = `<bestilling><id>${tag}</id><kontaktinfo><e-post>innsyn-${tag}@example.org</e-post></kontaktinfo><dokumenter><dokument><systemId>${entry.id}</systemId></dokument></dokumenter></bestilling>`;
  const accessRequest = (await call(radhus, t, 'POST', api('/access-orders'), { xml: order })).requests[0];

  // A message to the party's My page, and a property she owns.
  const message = await call(radhus, t, 'POST', api(`/case-files/${caseFile.id}/messages`), { subject: `Melding ${tag}`, text: `Tekst ${tag}` });
  const register = { properties: [{ matrikkel: `${tenant.officialNumber}-12/34`, address: `Adresse ${tag}`, owners: [{ identityNumber: person.identityNumber, name: person.name }], services: [{ service: 'waste', nextPickups: ['2026-03-06'] }], fees: [{ kind: 'invoice', description: `Faktura ${tag}`, amount: '100.00', invoiceNumber: '1' }] }] };
  const imported = await withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, (tx) =>
    importProperties(tx, { tenantId: tenant.id, officialNumber: tenant.officialNumber, country: tenant.country, actor: 'cli:test:test', at: radhus.clock.now() }, { name: 'register.json', text: JSON.stringify(register) }),
  );
  if (!imported.imported) throw new Error(`the fixture's property register was refused: ${JSON.stringify(imported.rejected)}`);
  const property = await sql<{ id: string }>`select id from properties where tenant_id = ${tenant.id} limit 1`.execute(radhus.ctx.db.kysely);
  // E-service forms: one published (with a submission made for a citizen who phoned, and a draft), one not.
  const admin = tokens['tenant-admin'];
  const form = await call(radhus, admin, 'POST', api('/forms'), { definition: exampleDefinition });
  await call(radhus, admin, 'POST', api(`/forms/${form.id}/publish`), { published: true });
  const otherForm = await call(radhus, admin, 'POST', api('/forms'), { definition: { ...exampleDefinition, key: 'walk-unpublished' } });
  const submission = await call(radhus, t, 'POST', api('/submissions'), { formId: form.id, answers: { what: 'water', position: { lat: 69.2, lon: 19.4 }, details: `Lekkasje ${tag}` }, onBehalfOf: { nationalId: '15076500565', name: `Innbygger ${tag}`, channel: 'phone' } });
  // After the submission, which drops its sender's draft.
  await call(radhus, t, 'PUT', api(`/forms/${form.id}/draft`), { answers: { what: 'water', position: { lat: 69.3, lon: 19.5 } } });
  const signing = await call(radhus, t, 'POST', api(`/forms/${form.id}/draft/signing`));
  // Open311: a key of the municipality (the walk revokes it, or another's, by id).
  const open311Key = await call(radhus, admin, 'POST', api('/open311/keys'), { name: `App ${tag}` });

  // The council (issue 10): a body, a term, a party, a person seated in the body; a planned meeting
  // with an item of its own (the walk changes, summons, reorders and cancels it) and one summoned late, so its agenda is public at
  // once, with an item on the other case file whose case presentation is a memo of that case.
  const sec = tokens.secretariat;
  const council = (path: string) => api(`/council${path}`);
  const councilTerm = await call(radhus, sec, 'POST', council('/terms'), { name: `Periode ${tag}`, startsOn: '2023-10-01', endsOn: '2027-09-30' });
  const councilParty = await call(radhus, sec, 'POST', council('/parties'), { code: 'WP', name: `Parti ${tag}` });
  const councilPerson = await call(radhus, sec, 'POST', council('/persons'), { givenName: 'Politiker', familyName: tag, partyId: councilParty.id, email: `politiker-${tag}@example.org` });
  const councilBody = await call(radhus, sec, 'POST', council('/bodies'), { code: 'walk-body', kind: 'council', name: `Kommunestyret ${tag}` });
  const councilMembership = await call(radhus, sec, 'POST', council(`/bodies/${councilBody.id}/memberships`), { termId: councilTerm.id, personId: councilPerson.id, role: 'member' });
  const councilMeeting = await call(radhus, sec, 'POST', council('/meetings'), { bodyId: councilBody.id, startsAt: '2026-06-01T16:00:00Z' });
  const summoned = await call(radhus, sec, 'POST', council('/meetings'), { bodyId: councilBody.id, startsAt: '2026-03-03T16:00:00Z' });
  const presentation = await call(radhus, t, 'POST', api(`/case-files/${otherCaseFile.id}/registry-entries`), { type: 'internal-without-followup', title: `Saksframlegg ${tag}` });
  const councilItem = await call(radhus, sec, 'POST', council(`/meetings/${summoned.id}/agenda-items`), { caseFileId: otherCaseFile.id, presentationEntryId: presentation.id });
  await call(radhus, sec, 'POST', council(`/meetings/${summoned.id}/summons`), { late: true });
  const councilPlannedItem = await call(radhus, sec, 'POST', council(`/meetings/${councilMeeting.id}/agenda-items`), { title: `Planlagt sak ${tag}` });
  const councilProposal = await call(radhus, sec, 'POST', council(`/agenda-items/${councilItem.id}/proposals`), { kind: 'recommendation', text: `Innstilling ${tag}` });
  // The politician's workspace (issue 11): the fixture's person is also the seated politician (the
  // member's routes answer a logged-in person, not a token), with a paper to read on the summoned
  // item, a private note on it, and a call to meet as a substitute for another member.
  const councilPaper = await upload(radhus, t, api(`/registry-entries/${presentation.id}/documents`), Buffer.from(`%PDF-1.7\n% paper ${tag}\n%%EOF\n`), { title: `Saksframlegg ${tag}` });
  await withoutTenant(radhus.ctx.db, (tx) => grantLocalRole(tx, tenant.id, person.userId, 'politician', radhus.clock.now()));
  await call(radhus, sec, 'PATCH', council(`/persons/${councilPerson.id}`), { userId: person.userId });
  const noteRes = await radhus.app.inject({ method: 'POST', url: api(`/workspace/agenda-items/${councilItem.id}/notes`), headers: person.headers, payload: { text: `Notat ${tag}` } });
  if (noteRes.statusCode !== 201) throw new Error(`the fixture's note was refused: ${noteRes.body}`);
  const councilNote = noteRes.json().id as string;
  const absentPerson = await call(radhus, sec, 'POST', council('/persons'), { givenName: 'Fraværende', familyName: tag, partyId: councilParty.id });
  await call(radhus, sec, 'POST', council(`/bodies/${councilBody.id}/memberships`), { termId: councilTerm.id, personId: absentPerson.id, role: 'member' });
  const councilCall = randomUUID();
  await sql`insert into council_substitute_calls (id, tenant_id, meeting_id, absent_person_id, substitute_person_id, status, called_at)
    values (${councilCall}, ${tenant.id}, ${councilMeeting.id}, ${absentPerson.id}, ${councilPerson.id}, 'called', ${radhus.clock.now()})`.execute(radhus.ctx.db.kysely);
  // Questions to politicians (issue 11): the fixture's person (the politician above) has asked that council person.
  const asked = await radhus.app.inject({ method: 'POST', url: api('/questions'), headers: person.headers, payload: { personId: councilPerson.id, text: `Spørsmål ${tag} til politikeren?`, askerName: `Kari ${tag}` } });
  if (asked.statusCode !== 201) throw new Error(`the fixture's question was refused: ${asked.body}`);
  const question = asked.json() as { id: string };
  // A public consultation on the other case file (issue 11 §2), open for a year, its document the presentation.
  const consultation = await call(radhus, t, 'POST', api('/consultations'), { caseFileId: otherCaseFile.id, title: `Høring ${tag}`, deadline: new Date(radhus.clock.now().getTime() + 365 * 86_400_000).toISOString(), documentEntryIds: [presentation.id] });
  // A comment waiting for its e-mail confirmation, whose link carries the token of confirmConsultationComment's
  // example (the walk sends examples): the mailed secret is random, so its stored hash is set to that token's.
  const waiting = await radhus.app.inject({ method: 'POST', url: api(`/consultations/${consultation.id}/comments`), payload: { text: `Uttalelse ${tag}`, authorName: `Kari ${tag}`, email: 'walk@example.org' } });
  if (waiting.statusCode !== 202) throw new Error(`the fixture's comment: ${waiting.statusCode} ${waiting.body}`);
  const walkHash = createHash('sha256').update('WalkConfirmationTokenExample0001').digest('hex');
  await sql`update consultation_comments set confirm_hash = ${walkHash} where id = ${waiting.json().commentId}::uuid`.execute(radhus.ctx.db.kysely);

  // Citizen proposals (issue 11): the rule, and a proposal the fixture's person wrote (her own
  // signature is its first, so her signing it again meets the one-signature rule, 409).
  await call(radhus, sec, 'PUT', api('/participation/settings'), { proposalThreshold: 50, proposalBodyId: councilBody.id });
  const citizenProposal = (await radhus.app.inject({ method: 'POST', url: api('/proposals'), headers: person.headers, payload: { title: `Forslag ${tag}`, body: `Forslagstekst ${tag}` } })).json() as { id: string };

  const token = await sql<{ id: string }>`select id from api_tokens where tenant_id = ${tenant.id} order by id limit 1`.execute(radhus.ctx.db.kysely);
  const party = await sql<{ id: string }>`select id from correspondents where registry_entry_id = ${entry.id} order by position limit 1`.execute(radhus.ctx.db.kysely);
  // A deposit export, finished by the settle below (a job still queued would be run by the next
  // fixture's settle, and the victim's rows would change under the walk): it can be downloaded; a
  // verification of it meets a state rule (409: only Noark 5 is verified). FGS, because a Noark 5
  // export converts the fixture's PDF with LibreOffice where it is installed: seconds per fixture.
  const depositJob = (await call(radhus, tokens.archivist, 'POST', api('/deposit-jobs/exports'), { format: 'fgs' })).id;
  // The public journal shows what the projection has written: bring it up to date.
  await radhus.settle();
  return {
    tenant,
    tokens,
    ids: {
      caseFile: caseFile.id,
      otherCaseFile: otherCaseFile.id,
      registryEntry: entry.id,
      otherRegistryEntry: reply.id,
      document: document.id,
      class: classes[0].id,
      series: series[0].id,
      token: token.rows[0]!.id,
      unit: unit.id,
      otherUnit: otherUnit.id,
      user,
      closedDay: closedDay.id,
      correspondent: party.rows[0]!.id,
      accessRequest,
      message: message.id,
      property: property.rows[0]!.id,
      form: form.id,
      otherForm: otherForm.id,
      submission: submission.submissionId,
      signing: signing.signingId,
      depositJob,
      open311Key: open311Key.id,
      councilTerm: councilTerm.id,
      councilParty: councilParty.id,
      councilPerson: councilPerson.id,
      councilBody: councilBody.id,
      councilMembership: councilMembership.id,
      councilMeeting: councilMeeting.id,
      councilItem: councilItem.id,
      councilPresentation: presentation.id,
      councilProposal: councilProposal.id,
      councilPlannedItem: councilPlannedItem.id,
      councilPaper: councilPaper.id,
      councilNote,
      councilCall,
      question: question.id,
      consultation: consultation.id,
      citizenProposal: citizenProposal.id,
      searchText: titles.caseFile,
    },
    secrets: [...Object.values(titles), tag, document.checksum, caseFile.id, otherCaseFile.id, entry.id, reply.id, document.id, closed.id, memo.id, token.rows[0]!.id, unit.id, otherUnit.id, user, closedDay.id, party.rows[0]!.id, accessRequest, person.identityNumber, message.id, property.rows[0]!.id, form.id, otherForm.id, submission.submissionId, submission.caseFileId, signing.signingId, depositJob,
      councilTerm.id, councilParty.id, councilPerson.id, councilBody.id, councilMembership.id, councilMeeting.id, summoned.id, councilItem.id, presentation.id, councilProposal.id, councilPlannedItem.id,
      councilPaper.id, councilNote, councilCall, absentPerson.id, question.id, citizenProposal.id],
    frozen: { caseFile: closed.id, registryEntry: memo.id },
    person,
  };
}

/** Everything a tenant can see of itself through the API, with its own tokens. */
export async function apiSnapshot(radhus: TestRadhus, fixture: Fixture): Promise<Json> {
  const t = fixture.tokens.archivist;
  const api = (path: string) => `/api/v1/${fixture.tenant.slug}${path}`;
  const log = async (id: string) => (await call(radhus, t, 'GET', api(`/change-log?entityId=${id}`))).items;
  const caseFiles = (await call(radhus, t, 'GET', api('/case-files?limit=200'))).items as Json[];
  const snapshot: Json = { series: await call(radhus, t, 'GET', api('/series')), classes: await call(radhus, t, 'GET', api('/classes')), caseFiles: [] };
  for (const summary of caseFiles) {
    const caseFile = await call(radhus, t, 'GET', api(`/case-files/${summary.id}`));
    const entries = [];
    for (const e of caseFile.registryEntries ?? []) {
      const entry = await call(radhus, t, 'GET', api(`/registry-entries/${e.id}`));
      const documents = [];
      for (const d of entry.documents) {
        const content = await radhus.app.inject({ method: 'GET', url: api(`/documents/${d.id}/content`), headers: { authorization: `Bearer ${t}` } });
        documents.push({ id: d.id, status: content.statusCode, sha256: createHash('sha256').update(content.rawPayload).digest('hex'), log: await log(d.id) });
      }
      entries.push({ entry, documents, log: await log(e.id) });
    }
    snapshot.caseFiles.push({ summary, caseFile, entries, log: await log(summary.id) });
  }
  const tokens = await call(radhus, fixture.tokens['tenant-admin'], 'GET', api('/tokens'));
  // Using a token stamps lastUsedAt; taking the snapshot must not count as a change.
  snapshot.tokens = tokens.items.map(({ lastUsedAt: _used, ...rest }: Json) => rest);
  return snapshot;
}

/** Every row the tenant owns, in every table with a tenant_id, read as the owner past row-level security. */
export async function databaseSnapshot(radhus: TestRadhus, tenantId: string): Promise<Record<string, { rows: number; digest: string }>> {
  const db = radhus.ctx.db.kysely;
  const tablesWithTenant = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'tenant_id' order by table_name`.execute(db);
  const result: Record<string, { rows: number; digest: string }> = {};
  for (const { table_name } of tablesWithTenant.rows) {
    const row = await sql<{ rows: string; digest: string | null }>`
      select count(*)::text as rows,
             md5(string_agg((to_jsonb(t) - 'last_used_at')::text, ',' order by (to_jsonb(t) - 'last_used_at')::text)) as digest
      from ${sql.table(table_name)} t where tenant_id = ${tenantId}`.execute(db);
    result[table_name] = { rows: Number(row.rows[0]!.rows), digest: row.rows[0]!.digest ?? '' };
  }
  const tenant = await sql<{ t: string }>`select to_jsonb(t)::text as t from tenants t where id = ${tenantId}`.execute(db);
  result.tenants = { rows: tenant.rows.length, digest: tenant.rows[0]?.t ?? '' };
  return result;
}

/** Row counts of every table, the number series and the stored files: the installation as a whole. */
export async function installationSnapshot(radhus: TestRadhus): Promise<Json> {
  const db = radhus.ctx.db.kysely;
  const names = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name } of names.rows) {
    const row = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table_name)}`.execute(db);
    counts[table_name] = Number(row.rows[0]!.n);
  }
  const series = await sql<Json>`select tenant_id, kind, year, last_value from number_series order by tenant_id, kind, year`.execute(db);
  return { counts, numberSeries: series.rows, files: await storedFiles(join(radhus.config.dataDir, 'files')) };
}

async function storedFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else found.push(join(dir, e.name).slice(root.length));
    }
  };
  await walk(root);
  return found.sort();
}

/** Asserts that a response is a problem+json error with the status in its body too. */
export function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number | number[]): Json {
  const allowed = ([] as number[]).concat(status);
  expect(allowed, `status ${res.statusCode}: ${res.body.slice(0, 400)}`).toContain(res.statusCode);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body) as Json;
  expect(body.status).toBe(res.statusCode);
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}
