// SPDX-License-Identifier: EUPL-1.2
// Forms end to end through the real app and database: a tenant administrator defines and publishes
// a form, a citizen logged in with e-ID submits it, and it is a case in the archive with the
// answers as PDF and JSON, the attachment and the receipt. Every refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';
import { createSession, CSRF_HEADER, SESSION_COOKIE } from '../identity/sessions.ts';
import { installationSnapshot } from '../conformance/fixtures.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { exampleDefinition } from './schema.ts';
import { buildingApplication } from './demo-forms.ts';
import { canonicalJson, sha256 } from '../signing/service.ts';
import { pdfText } from './pdf-text.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let tenant: Tenant;
let admin: Record<string, string>;
let officer: Record<string, string>;
let kari: Record<string, string>;
let ola: Record<string, string>;
let form: Json;
const api = (p: string) => `/api/v1/${tenant.slug}${p}`;

/** An ID token as kept at login: only its claims are read again (its signature was checked then). */
const idToken = (claims: Json) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

/** A citizen logged in with e-ID (level high, now), or with the login given. */
async function citizen(subject: string, identityNumber: string, email: string, login: { acr?: string; at?: Date } = {}): Promise<Record<string, string>> {
  return withoutTenant(t.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idp.test', subject, name: `Citizen ${subject}`, email, identityNumber }, t.clock.now());
    await grantLocalRole(tx, tenant.id, id, 'citizen', t.clock.now());
    const token = 'acr' in login && login.acr === undefined ? undefined : idToken({ sub: subject, acr: login.acr ?? 'idporten-loa-high' });
    const { sessionId, csrfToken } = await createSession(tx, id, login.at ?? t.clock.now(), token);
    return { cookie: `${SESSION_COOKIE}=${t.app.signCookie(sessionId)}`, [CSRF_HEADER]: csrfToken };
  });
}

const answers = { what: 'road', position: { lat: 69.24, lon: 19.4 }, details: 'Hull i veien ved skolen' };
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ country: 'NO' });
  admin = { authorization: `Bearer ${await t.token(tenant, 'tenant-admin')}` };
  officer = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
  kari = await citizen('kari', '15076500565', 'kari@example.no');
  ola = await citizen('ola', '01010012356', 'ola@example.no');
  const created = await t.app.inject({ method: 'POST', url: api('/forms'), headers: admin, payload: { definition: exampleDefinition } });
  expect(created.statusCode, created.body).toBe(201);
  form = created.json();
  const published = await t.app.inject({ method: 'POST', url: api(`/forms/${form.id}/publish`), headers: admin, payload: { published: true } });
  expect(published.statusCode, published.body).toBe(200);
});
afterAll(() => t?.close());

describe('form definitions', () => {
  it('refuses a definition whose layout names a missing field or lacks a language, naming every field, and writes nothing', async () => {
    const before = await installationSnapshot(t);
    const broken = structuredClone(exampleDefinition) as Json;
    broken.key = 'broken-form';
    broken.title.sv = '';
    broken.layout.pages[0].sections[0].fields[0].field = 'nosuch';
    broken.schema.properties.details.type = 'no-such-type';
    const res = await t.app.inject({ method: 'POST', url: api('/forms'), headers: admin, payload: { definition: broken } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: Json) => `${e.field}:${e.code}`);
    expect(fields).toEqual(expect.arrayContaining(['definition.title.sv:required', 'definition.schema:invalid']));
    const again = structuredClone(exampleDefinition) as Json;
    again.key = 'broken-layout';
    again.layout.pages[0].sections[0].fields[0].field = 'nosuch';
    const layout = await t.app.inject({ method: 'POST', url: api('/forms'), headers: admin, payload: { definition: again } });
    expect(layout.json().errors).toEqual([expect.objectContaining({ field: 'definition.layout.pages.0.sections.0.fields.0.field', code: 'notFound' })]);
    // Choice labels name exactly the enum's values, each in every language.
    const options = structuredClone(exampleDefinition) as Json;
    options.key = 'broken-options';
    options.layout.pages[0].sections[0].fields[0].options = { road: { nb: 'Vei', nn: 'Veg', sv: 'Väg' }, lake: options.layout.pages[0].sections[0].fields[0].options.road };
    options.layout.pages[0].sections[0].fields[2].options = { x: options.layout.pages[0].sections[0].fields[0].options.road };
    const labelled = await t.app.inject({ method: 'POST', url: api('/forms'), headers: admin, payload: { definition: options } });
    expect(labelled.json().errors.map((e: Json) => `${e.field}:${e.code}`).sort()).toEqual([
      'definition.layout.pages.0.sections.0.fields.0.options.lake:notFound', 'definition.layout.pages.0.sections.0.fields.0.options.road.en:required',
      'definition.layout.pages.0.sections.0.fields.0.options.water:required', 'definition.layout.pages.0.sections.0.fields.2.options:notAllowed',
    ]);
    expect(await installationSnapshot(t)).toEqual(before);
  });

  it('lists the published form in the catalogue and serves its JSON Schema under `schema`; a citizen may not define forms', async () => {
    const list = await t.app.inject({ url: api('/services?lang=en&q=water') });
    expect(list.json().items.map((s: Json) => s.key)).toEqual(['report-a-problem']);
    const got = await t.app.inject({ url: api(`/forms/${form.id}`) });
    expect(got.statusCode).toBe(200);
    expect(got.json().schema.required).toEqual(['what', 'position']);
    const denied = await t.app.inject({ method: 'POST', url: api('/forms'), headers: kari, payload: { definition: { ...exampleDefinition, key: 'mine' } } });
    expect(denied.statusCode).toBe(403);
  });

  it('keeps versions: a new version is unpublished until published, and the old one is still the one submitted', async () => {
    const next = { ...exampleDefinition, processingDays: 10 };
    const res = await t.app.inject({ method: 'PUT', url: api(`/forms/${form.id}`), headers: admin, payload: { definition: next } });
    expect(res.json()).toMatchObject({ version: 2, currentVersion: 2, publishedVersion: 1 });
    const pub = await t.app.inject({ url: api(`/forms/${form.id}`) });
    expect(pub.json()).toMatchObject({ version: 1, processingDays: 14 });
  });

  it('another municipality adopts the published form; an unpublished one of another municipality is not found', async () => {
    const other = await t.tenant({ country: 'NO' });
    const otherAdmin = { authorization: `Bearer ${await t.token(other, 'tenant-admin')}` };
    const adopted = await t.app.inject({ method: 'POST', url: `/api/v1/${other.slug}/forms/adopt`, headers: otherAdmin, payload: { sourceFormId: form.id } });
    expect(adopted.statusCode, adopted.body).toBe(201);
    expect(adopted.json()).toMatchObject({ key: 'report-a-problem', adoptedFrom: form.id, publishedVersion: null });
    const draftOnly = await t.app.inject({ method: 'POST', url: api('/forms'), headers: admin, payload: { definition: { ...exampleDefinition, key: 'not-yet' } } });
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/${other.slug}/forms/adopt`, headers: otherAdmin, payload: { sourceFormId: draftOnly.json().id } });
    expect(refused.statusCode).toBe(404);
  });
});

describe('submitting', () => {
  it('files the submission as a case with the citizen as party, the PDF, the JSON, the attachment and the receipt, in one go', async () => {
    await t.app.inject({ method: 'PUT', url: api(`/forms/${form.id}/draft`), headers: kari, payload: { answers: { what: 'road' } } });
    expect((await t.app.inject({ url: api(`/forms/${form.id}/draft`), headers: kari })).json().answers).toEqual({ what: 'road' });
    // Another citizen does not see Kari's draft: they have none of their own.
    expect((await t.app.inject({ url: api(`/forms/${form.id}/draft`), headers: ola })).statusCode).toBe(404);
    // My page lists it for Kari (with the form's title in every language), and nothing for Ola.
    const mine = (await t.app.inject({ url: api('/my/drafts'), headers: kari })).json().items;
    expect(mine).toEqual([expect.objectContaining({ formId: form.id, version: 1, title: expect.objectContaining({ nb: expect.any(String), en: expect.any(String) }) })]);
    expect((await t.app.inject({ url: api('/my/drafts'), headers: ola })).json().items).toEqual([]);
    const body = multipartBody({ submission: JSON.stringify({ formId: form.id, version: 1, answers }), photo: { name: 'hull.png', type: 'image/png', content: png } });
    const res = await t.app.inject({ method: 'POST', url: api('/submissions'), headers: { ...kari, ...body.headers }, payload: body.body });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out.caseNumber).toMatch(/^\d{4}\/\d+$/);
    expect(out.attachments).toEqual([expect.objectContaining({ field: 'photo', mimeType: 'image/png', size: png.length })]);

    const kase = await t.app.inject({ url: api(`/case-files/${out.caseFileId}`), headers: officer });
    // A choice reads as its label, in the case title and in the answers' PDF the officer opens.
    expect(kase.json().title).toBe('Feilmelding: Vei');
    const entryId = kase.json().registryEntries[0].id;
    const entry = (await t.app.inject({ url: api(`/registry-entries/${entryId}`), headers: officer })).json();
    expect(entry.type).toBe('incoming');
    expect(entry.correspondents[0]).toMatchObject({ name: 'Citizen kari', role: 'sender' });
    expect(entry.documents.map((d: Json) => d.documentType ?? d.title)).toHaveLength(4);
    const answersPdf = await t.app.inject({ url: api(`/documents/${entry.documents[0].id}/content`), headers: officer });
    expect(answersPdf.headers['content-type']).toBe('application/pdf');
    const lines = pdfText(answersPdf.rawPayload).split('\n');
    expect(lines).toEqual(expect.arrayContaining(['Hva gjelder det?', 'Vei']));
    expect(lines).not.toContain('road');

    const receipt = await t.app.inject({ url: out.receiptUrl, headers: kari });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(receipt.rawPayload.toString('latin1')).toMatch(/pdfaid:part/);
    // The draft is gone (from My page's list too); the event and the receipt mail are written.
    expect((await t.app.inject({ url: api(`/forms/${form.id}/draft`), headers: kari })).statusCode).toBe(404);
    expect((await t.app.inject({ url: api('/my/drafts'), headers: kari })).json().items).toEqual([]);
    const events = await sql<{ type: string }>`select event_type as type from outbox where aggregate_id = ${out.submissionId}`.execute(t.ctx.db.kysely);
    expect(events.rows.map((r) => r.type)).toEqual(['form.submitted']);
    const mails = await sql<{ payload: Json }>`select payload from jobs where type = 'mail.send' and key = ${`form-receipt:${out.submissionId}`}`.execute(t.ctx.db.kysely);
    expect(mails.rows[0]!.payload.mail.to).toBe('kari@example.no');

    // Another citizen, and another municipality's staff, do not get the receipt.
    expect((await t.app.inject({ url: out.receiptUrl, headers: ola })).statusCode).toBe(404);
    const other = await t.tenant({ country: 'NO' });
    const stranger = { authorization: `Bearer ${await t.token(other, 'case-officer')}` };
    expect((await t.app.inject({ url: `/api/v1/${other.slug}/submissions/${out.submissionId}/receipt`, headers: stranger })).statusCode).toBe(404);
    expect((await t.app.inject({ url: out.receiptUrl, headers: stranger })).statusCode).toBe(401);
  });

  it('refuses a forged version, answers breaking the schema, a disguised or oversized attachment: clear 4xx, nothing changed', async () => {
    const before = await installationSnapshot(t);
    const send = (submission: Json, files: Record<string, { name: string; type: string; content: Buffer }> = {}) => {
      const body = multipartBody({ submission: JSON.stringify(submission), ...files });
      return t.app.inject({ method: 'POST', url: api('/submissions'), headers: { ...kari, ...body.headers }, payload: body.body });
    };
    expect((await send({ formId: form.id, version: 2, answers })).statusCode).toBe(409);
    const wrongType = await t.app.inject({ method: 'POST', url: api('/submissions'), headers: kari, payload: { formId: form.id, version: 'one', answers } });
    expect(wrongType.json().errors).toEqual([expect.objectContaining({ field: 'version', code: 'wrongType' })]);
    const nul = await send({ formId: form.id, answers: { ...answers, details: 'a\u0000b' } });
    expect(nul.json().errors).toEqual([expect.objectContaining({ field: 'submission.answers.details', code: 'invalidCharacters' })]);
    expect((await send({ formId: form.id, version: 99, answers })).json().errors).toEqual([expect.objectContaining({ field: 'version', code: 'notFound' })]);
    const bad = await send({ formId: form.id, answers: { what: 'fire', position: { lat: 200 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: Json) => `${e.field}:${e.code}`).sort()).toEqual(['answers.position.lat:tooLarge', 'answers.position.lon:required', 'answers.what:notAllowed'].sort());
    const html = await send({ formId: form.id, answers }, { photo: { name: 'photo.png', type: 'image/png', content: Buffer.from('<html><script>alert(1)</script></html>') } });
    expect(html.json().errors).toEqual([expect.objectContaining({ field: 'attachments.photo.0', code: 'notAllowed' })]);
    const pdfAsPng = await send({ formId: form.id, answers }, { photo: { name: 'photo.png', type: 'image/png', content: Buffer.from('%PDF-1.7\n%%EOF\n') } });
    expect(pdfAsPng.statusCode).toBe(400);
    const huge = await send({ formId: form.id, answers }, { photo: { name: 'big.png', type: 'image/png', content: Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1)]) } });
    expect(huge.statusCode).toBe(413);
    const onBehalf = await t.app.inject({ method: 'POST', url: api('/submissions'), headers: officer, payload: { formId: form.id, answers, onBehalfOf: { nationalId: '15076500566', channel: 'phone' } } });
    expect(onBehalf.json().errors).toEqual([expect.objectContaining({ field: 'onBehalfOf.nationalId', code: 'checksum' })]);
    const citizenForOther = await t.app.inject({ method: 'POST', url: api('/submissions'), headers: kari, payload: { formId: form.id, answers, onBehalfOf: { nationalId: '15076500565', channel: 'phone' } } });
    expect(citizenForOther.statusCode).toBe(403);
    expect(await installationSnapshot(t)).toEqual(before);
  });

  it('a case officer submits for a citizen who phoned: the channel is recorded in the entry', async () => {
    const res = await t.app.inject({ method: 'POST', url: api('/submissions'), headers: officer, payload: { formId: form.id, answers, onBehalfOf: { nationalId: '15076500565', name: 'Kari Nordmann', channel: 'phone' } } });
    expect(res.statusCode, res.body).toBe(201);
    const kase = (await t.app.inject({ url: api(`/case-files/${res.json().caseFileId}`), headers: officer })).json();
    const entry = (await t.app.inject({ url: api(`/registry-entries/${kase.registryEntries[0].id}`), headers: officer })).json();
    expect(entry.description).toContain('telefon');
    expect(entry.correspondents[0]).toMatchObject({ name: 'Kari Nordmann' });
  });
});

describe('the service catalogue page', () => {
  it('lists the published services in the visitor’s language, searchable without JavaScript', async () => {
    const page = await t.app.inject({ url: `/${tenant.slug}/tjenester?lang=sv`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="sv"');
    expect(page.body).toContain('Felanmälan väg eller vatten');
    expect(page.body).toContain('Du får ett kvitto med diarienummer');
    const none = await t.app.inject({ url: `/${tenant.slug}/tjenester?lang=nb&q=hundeskatt`, headers: { accept: 'text/html' } });
    expect(none.body).toContain('Ingen tjenester passer søket.');
    expect((await t.app.inject({ url: '/ingen-slik-kommune/tjenester', headers: { accept: 'text/html' } })).statusCode).toBe(404);
  });
});

describe('signing by co-applicants', () => {
  it('files a building application only when the co-applicant has signed the very answers submitted', async () => {
    const created = await t.app.inject({ method: 'POST', url: api('/forms'), headers: admin, payload: { definition: buildingApplication } });
    const building = created.json();
    await t.app.inject({ method: 'POST', url: api(`/forms/${building.id}/publish`), headers: admin, payload: { published: true } });
    const answers = { gnr: 12, bnr: 34, measure: 'extension', description: 'Tilbygg på 20 m²', coApplicants: [{ name: 'Ola Nordmann', email: 'ola@example.no' }] };
    const drawing = Buffer.from('%PDF-1.7\n% tegning\n%%EOF\n');
    const submit = (a: Json) => {
      const body = multipartBody({ submission: JSON.stringify({ formId: building.id, answers: a }), drawings: { name: 'tegning.pdf', type: 'application/pdf', content: drawing } });
      return t.app.inject({ method: 'POST', url: api('/submissions'), headers: { ...kari, ...body.headers }, payload: body.body });
    };
    expect((await t.app.inject({ method: 'PUT', url: api(`/forms/${building.id}/draft`), headers: kari, payload: { answers } })).statusCode).toBe(200);
    const first = await submit(answers);
    expect(first.statusCode, first.body).toBe(409);

    const started = await t.app.inject({ method: 'POST', url: api(`/forms/${building.id}/draft/signing`), headers: kari });
    expect(started.statusCode, started.body).toBe(201);
    const { signingId, contentSha256, waitingFor } = started.json();
    expect(waitingFor).toEqual(['Ola Nordmann']);
    expect(contentSha256).toBe(sha256(canonicalJson({ formId: building.id, version: 1, answers })));
    const invite = await sql<{ payload: Json }>`select payload from jobs where type = 'mail.send' and payload->'mail'->>'to' = 'ola@example.no' and payload->'mail'->>'template' = 'signing.invite'`.execute(t.ctx.db.kysely);
    const token = /token=([A-Za-z0-9_-]+)/.exec(invite.rows[0]!.payload.mail.text)![1]!;
    expect((await submit(answers)).json().detail).toContain('Ola Nordmann');

    // A signature on other words is refused and changes nothing; so is one made with a login that is
    // not fresh (6 minutes old), at a lower level, or of no known level; then Ola signs what Kari signed.
    const logins = [{ at: new Date(t.clock.now().getTime() - 6 * 60_000) }, { acr: 'idporten-loa-substantial' }, { acr: undefined }];
    const staleSessions = await Promise.all(logins.map((login) => citizen('ola', '01010012356', 'ola@example.no', login)));
    const before = await installationSnapshot(t);
    for (const [i, login] of logins.entries()) {
      const stale = staleSessions[i]!;
      const refused = await t.app.inject({ method: 'POST', url: api(`/signings/${signingId}/sign`), headers: stale, payload: { token, contentSha256 } });
      expect(refused.statusCode, JSON.stringify(login)).toBe(401);
      expect(refused.json().detail).toMatch(/log in again/);
    }
    expect(await installationSnapshot(t)).toEqual(before);
    const forged = await t.app.inject({ method: 'POST', url: api(`/signings/${signingId}/sign`), headers: ola, payload: { token, contentSha256: sha256('other words') } });
    expect(forged.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: api(`/signings/${signingId}/sign`), headers: ola, payload: { token: 'gjett', contentSha256 } })).statusCode).toBe(403);
    expect(await installationSnapshot(t)).toEqual(before);
    const signed = await t.app.inject({ method: 'POST', url: api(`/signings/${signingId}/sign`), headers: ola, payload: { token, contentSha256 } });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ complete: true, waitingFor: [], level: 'high' });
    expect(signed.json().signatures.map((g: Json) => g.name)).toEqual(['Citizen kari', 'Citizen ola']);
    // Each signature records the level and the time of the login made for it.
    expect(signed.json().signatures).toEqual([expect.objectContaining({ level: 'high', authenticatedAt: t.clock.now().toISOString() }), expect.objectContaining({ level: 'high', authenticatedAt: t.clock.now().toISOString() })]);

    // Answers changed after signing are not filed; the signed ones are.
    expect((await submit({ ...answers, description: 'Tilbygg på 200 m²' })).statusCode).toBe(409);
    const filed = await submit(answers);
    expect(filed.statusCode, filed.body).toBe(201);
    const receipt = await t.app.inject({ url: filed.json().receiptUrl, headers: kari });
    expect(receipt.statusCode).toBe(200);
    const kase = (await t.app.inject({ url: api(`/case-files/${filed.json().caseFileId}`), headers: officer })).json();
    expect(kase.title).toBe('Byggesøknad gnr 12 bnr 34');
  });
});
