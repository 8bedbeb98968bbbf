// SPDX-License-Identifier: EUPL-1.2
// Bad input of every kind gets a clear 4xx problem+json naming every failing field, and changes
// nothing: not a row in any table, not the outbox or the change log, not a number in a series, not
// a stored file. A valid request afterwards gets the next number, without a gap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import { luhnDigit, norwegianOrganisationNumber, syntheticNorwegianNumber, syntheticSwedishNumber } from '../common/idnumbers.ts';
import { isErrorCode, isFieldErrorCode } from '../common/errors.ts';
import { call, expectProblem, installationSnapshot, seededMunicipality, type Fixture } from './fixtures.ts';

let radhus: TestRadhus;
let a: Fixture;
let b: Fixture;
let baseline: { caseSequence: number; entrySequence: number };

beforeAll(async () => {
  radhus = await createTestRadhus();
  a = await seededMunicipality(radhus, 'Alfa');
  b = await seededMunicipality(radhus, 'Beta');
  const caseFile = await call(radhus, a.tokens['case-officer'], 'POST', api('/case-files'), { title: 'Baseline' });
  const entry = await call(radhus, a.tokens['case-officer'], 'POST', api(`/case-files/${caseFile.id}/registry-entries`), { type: 'internal-without-followup', title: 'Baseline' });
  baseline = { caseSequence: caseFile.caseSequence, entrySequence: Number(entry.registryNumber.split('/')[1]) };
});
afterAll(() => radhus?.close());

const api = (path: string) => `/api/v1/${a.tenant.slug}${path}`;
const auth = () => ({ authorization: `Bearer ${a.tokens['case-officer']}` });
const json = (method: 'POST' | 'PATCH', path: string, payload: unknown): InjectOptions => ({ method, url: api(path), headers: auth(), payload: payload as object });
const raw = (method: 'POST' | 'PATCH', path: string, body: string, contentType: string): InjectOptions => ({
  method,
  url: api(path),
  headers: { ...auth(), 'content-type': contentType },
  payload: body,
});
const form = (path: string, fields: Parameters<typeof multipartBody>[0]): InjectOptions => {
  const m = multipartBody(fields);
  return { method: 'POST', url: api(path), headers: { ...auth(), ...m.headers }, payload: m.body };
};
const pdf = (text = 'letter') => ({ name: 'letter.pdf', type: 'application/pdf', content: Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`) });
const fiftyMegabyteTitle = () => `{"title":"${'a'.repeat(50 * 1024 * 1024)}"}`;
const long = 'x'.repeat(2000);

// Identity and organisation numbers that are one digit off a valid one.
const flipLast = (n: string) => n.slice(0, -1) + String((Number(n.at(-1)) + 1) % 10);
const badFodselsnummer = flipLast(syntheticNorwegianNumber('1985-04-12', 0));
const badPersonnummer = flipLast(syntheticSwedishNumber('1985-04-12', 0));
const validNorwegianOrg = norwegianOrganisationNumber('92345678') ?? norwegianOrganisationNumber('92345679')!;
const badNorwegianOrg = flipLast(validNorwegianOrg);
const swedishOrgBase = '556036079';
const badSwedishOrg = flipLast(`${swedishOrgBase.slice(0, 6)}-${swedishOrgBase.slice(6)}${luhnDigit([...swedishOrgBase].map(Number))}`);
const party = (extra: object) => ({ name: 'Kari Nordmann', kind: 'person', role: 'sender', ...extra });
const org = (extra: object) => ({ name: 'Byggmester AS', kind: 'organisation', role: 'sender', ...extra });

interface Case {
  name: string;
  request: () => InjectOptions;
  status: number | number[];
  /** For validation errors: every field that must be named in `errors`. */
  fields?: string[];
}

const caseFiles = '/case-files';
const entries = () => `/case-files/${a.ids.caseFile}/registry-entries`;
const caseFile = () => `/case-files/${a.ids.caseFile}`;
const documents = () => `/registry-entries/${a.ids.registryEntry}/documents`;
const followUps = () => `/registry-entries/${a.ids.registryEntry}/follow-ups`;

const cases: Record<string, Case[]> = {
  createCaseFile: [
    { name: 'wrong types', request: () => json('POST', caseFiles, { title: 123, keywords: 'not a list' }), status: 400, fields: ['title', 'keywords'] },
    { name: 'unknown fields', request: () => json('POST', caseFiles, { title: 'Ok', colour: 'red', size: 2 }), status: 400, fields: ['colour', 'size'] },
    { name: 'missing required field', request: () => json('POST', caseFiles, {}), status: 400, fields: ['title'] },
    { name: 'a 50 MB title', request: () => raw('POST', caseFiles, fiftyMegabyteTitle(), 'application/json'), status: 413 },
    { name: 'a 2000-character title and an unknown field', request: () => json('POST', caseFiles, { title: long, extra: true }), status: 400, fields: ['title', 'extra'] },
    { name: 'another tenant’s class and series', request: () => json('POST', caseFiles, { title: 'Ok', classId: b.ids.class, seriesId: b.ids.series }), status: 400, fields: ['classId', 'seriesId'] },
    {
      name: 'an invalid date and an empty legal basis',
      request: () => json('POST', caseFiles, { title: 'Ok', screening: { legalBasis: '', fields: ['title'], until: '2026-02-30' } }),
      status: 400,
      fields: ['screening.legalBasis', 'screening.until'],
    },
    { name: 'malformed JSON', request: () => raw('POST', caseFiles, '{"title": "Søknad",', 'application/json'), status: 400 },
    { name: 'an empty JSON body', request: () => raw('POST', caseFiles, '', 'application/json'), status: 400 },
    { name: 'wrong content type', request: () => raw('POST', caseFiles, '<title>Søknad</title>', 'application/xml'), status: 415 },
    { name: 'plain text instead of JSON', request: () => raw('POST', caseFiles, 'title=Søknad', 'text/plain'), status: [400, 415] },
  ],
  createRegistryEntry: [
    { name: 'wrong types', request: () => json('POST', entries(), { type: 'incoming', title: 5, correspondents: 'Kari Nordmann' }), status: 400, fields: ['title', 'correspondents'] },
    { name: 'missing required fields', request: () => json('POST', entries(), {}), status: 400, fields: ['type', 'title'] },
    {
      name: 'unknown fields, also nested',
      request: () => json('POST', entries(), { type: 'incoming', title: 'Brev', priority: 'high', correspondents: [party({ nickname: 'Kari' })] }),
      status: 400,
      fields: ['priority', 'correspondents.0.nickname'],
    },
    {
      name: 'a fødselsnummer with a wrong control digit and a personnummer failing Luhn',
      request: () => json('POST', entries(), { type: 'incoming', title: 'Brev', correspondents: [party({ identityNumber: badFodselsnummer }), party({ identityNumber: badPersonnummer })] }),
      status: 400,
      fields: ['correspondents.0.identityNumber', 'correspondents.1.identityNumber'],
    },
    {
      name: 'invalid Norwegian and Swedish organisation numbers',
      request: () => json('POST', entries(), { type: 'incoming', title: 'Brev', correspondents: [org({ organisationNumber: badNorwegianOrg }), org({ organisationNumber: badSwedishOrg, country: 'SE' })] }),
      status: 400,
      fields: ['correspondents.0.organisationNumber', 'correspondents.1.organisationNumber'],
    },
    {
      name: 'invalid dates',
      request: () => json('POST', entries(), { type: 'incoming', title: 'Brev', correspondents: [party({})], documentDate: '2026-02-30', receivedDate: 'yesterday' }),
      status: 400,
      fields: ['documentDate', 'receivedDate'],
    },
    { name: 'a 2000-character title', request: () => json('POST', entries(), { type: 'incoming', title: long, correspondents: [party({})] }), status: 400, fields: ['title'] },
    { name: 'a 50 MB title', request: () => raw('POST', entries(), fiftyMegabyteTitle(), 'application/json'), status: 413 },
    { name: 'another tenant’s case file', request: () => json('POST', `/case-files/${b.ids.caseFile}/registry-entries`, { type: 'incoming', title: 'Brev', correspondents: [party({})] }), status: 404 },
    {
      name: 'another tenant’s entry to follow up, and no sender',
      request: () => json('POST', entries(), { type: 'incoming', title: 'Brev', followsUp: [b.ids.registryEntry] }),
      status: 400,
      fields: ['correspondents', 'followsUp.0'],
    },
    { name: 'a closed case', request: () => json('POST', `/case-files/${a.frozen.caseFile}/registry-entries`, { type: 'incoming', title: 'Brev', correspondents: [party({})] }), status: 409 },
    { name: 'a journal date from a person', request: () => json('POST', entries(), { type: 'internal-without-followup', title: 'Notat', journalDate: '2020-01-01' }), status: 403 },
    { name: 'malformed JSON', request: () => raw('POST', entries(), '{"type": "incoming"', 'application/json'), status: 400 },
    { name: 'wrong content type', request: () => raw('POST', entries(), '<title>Brev</title>', 'application/xml'), status: 415 },
  ],
  updateCaseFile: [
    { name: 'wrong types', request: () => json('PATCH', caseFile(), { title: 42, keywords: 'x' }), status: 400, fields: ['title', 'keywords'] },
    { name: 'nothing to change', request: () => json('PATCH', caseFile(), {}), status: 400 },
    { name: 'unknown fields', request: () => json('PATCH', caseFile(), { colour: 'red', owner: 'me' }), status: 400, fields: ['colour', 'owner'] },
    { name: 'a 2000-character title', request: () => json('PATCH', caseFile(), { title: long }), status: 400, fields: ['title'] },
    { name: 'a 50 MB title', request: () => raw('PATCH', caseFile(), fiftyMegabyteTitle(), 'application/json'), status: 413 },
    {
      name: 'a blank title and a screened word not in it',
      request: () => json('PATCH', caseFile(), { title: '   ', screening: { legalBasis: 'Offl. § 13', titleWords: ['Nordmann'] } }),
      status: 400,
      fields: ['title', 'screening.titleWords.0'],
    },
    { name: 'another tenant’s case file', request: () => json('PATCH', `/case-files/${b.ids.caseFile}`, { title: 'Overtatt' }), status: 404 },
    { name: 'another tenant’s class', request: () => json('PATCH', caseFile(), { classId: b.ids.class }), status: 400, fields: ['classId'] },
    { name: 'a closed case', request: () => json('PATCH', `/case-files/${a.frozen.caseFile}`, { title: 'Endret' }), status: 409 },
    { name: 'an invalid date', request: () => json('PATCH', caseFile(), { screening: { legalBasis: 'Offl. § 13', fields: ['title'], until: '31.12.2030' } }), status: 400, fields: ['screening.until'] },
    { name: 'malformed JSON', request: () => raw('PATCH', caseFile(), '{title: "x"}', 'application/json'), status: 400 },
    { name: 'wrong content type', request: () => raw('PATCH', caseFile(), 'title=x', 'application/x-www-form-urlencoded'), status: [400, 415] },
  ],
  uploadDocument: [
    { name: 'an empty multipart body', request: () => form(documents(), {}), status: 400, fields: ['file'] },
    { name: 'an unknown multipart field and a wrong relation', request: () => form(documents(), { colour: 'red', relation: 'sibling', file: pdf('unknown-field') }), status: 400, fields: ['colour', 'relation'] },
    { name: 'the file in the wrong field', request: () => form(documents(), { document: pdf('wrong-field') }), status: 400, fields: ['document', 'file'] },
    { name: 'an empty file', request: () => form(documents(), { file: { name: 'empty.pdf', type: 'application/pdf', content: Buffer.alloc(0) } }), status: 400, fields: ['file'] },
    { name: 'a 2000-character title', request: () => form(documents(), { title: long, file: pdf('long-title') }), status: 400, fields: ['title'] },
    { name: 'JSON instead of multipart', request: () => json('POST', documents(), { file: 'JVBERi0xLjcK' }), status: 415 },
    { name: 'another tenant’s entry', request: () => form(`/registry-entries/${b.ids.registryEntry}/documents`, { file: pdf('other-tenant') }), status: 404 },
    { name: 'an archived entry', request: () => form(`/registry-entries/${a.frozen.registryEntry}/documents`, { file: pdf('archived') }), status: 409 },
  ],
  followUpRegistryEntry: [
    { name: 'wrong types', request: () => json('POST', followUps(), { method: 5, byRegistryEntryId: 'not-a-uuid' }), status: 400, fields: ['method', 'byRegistryEntryId'] },
    { name: 'missing required field', request: () => json('POST', followUps(), {}), status: 400, fields: ['method'] },
    { name: 'an unknown field and a wrong method', request: () => json('POST', followUps(), { method: 'shredded', colour: 'red' }), status: 400, fields: ['method', 'colour'] },
    { name: 'another tenant’s entry', request: () => json('POST', `/registry-entries/${b.ids.registryEntry}/follow-ups`, { method: 'noted' }), status: 404 },
    { name: 'another tenant’s reply', request: () => json('POST', followUps(), { method: 'replied-by-letter', byRegistryEntryId: b.ids.otherRegistryEntry }), status: 400, fields: ['byRegistryEntryId'] },
    { name: 'an archived entry', request: () => json('POST', `/registry-entries/${a.frozen.registryEntry}/follow-ups`, { method: 'noted' }), status: 409 },
    { name: 'an outgoing letter, which needs no follow-up', request: () => json('POST', `/registry-entries/${a.ids.otherRegistryEntry}/follow-ups`, { method: 'noted' }), status: 409 },
    { name: 'a 50 MB body', request: () => raw('POST', followUps(), fiftyMegabyteTitle(), 'application/json'), status: 413 },
    { name: 'malformed JSON', request: () => raw('POST', followUps(), '{"method":', 'application/json'), status: 400 },
    { name: 'wrong content type', request: () => raw('POST', followUps(), 'method=noted', 'text/plain'), status: [400, 415] },
  ],
};

describe.each(Object.entries(cases))('%s refuses bad input and changes nothing', (_operation, list) => {
  it.each(list.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await installationSnapshot(radhus);
    const res = await radhus.app.inject(c.request());
    const body = expectProblem(res, c.status);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    // Every code the server produces is in the catalogue the web UI has texts for (src/common).
    expect(isErrorCode(body.code), `problem code ${body.code}`).toBe(true);
    for (const error of body.errors ?? []) expect(isFieldErrorCode(error.code), `field error code ${error.code} of ${error.field}`).toBe(true);
    if (res.statusCode === 400) {
      expect(Array.isArray(body.errors), `a validation error lists its fields: ${res.body.slice(0, 300)}`).toBe(true);
      for (const error of body.errors) {
        expect(typeof error.field).toBe('string');
        expect(error.message.length).toBeGreaterThan(0);
      }
    }
    if (c.fields) expect(body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(c.fields));
    const after = await installationSnapshot(radhus);
    expect(after.counts, 'rows in every table').toEqual(before.counts);
    expect(after.numberSeries, 'the number series').toEqual(before.numberSeries);
    expect(after.files, 'the file store: a refused upload must not leave its file behind').toEqual(before.files);
  });
});

describe('after refused requests', () => {
  it('a valid request gets the next number, without a gap', async () => {
    const caseFile = await call(radhus, a.tokens['case-officer'], 'POST', api('/case-files'), { title: 'Etter feil' });
    expect(caseFile.caseSequence).toBe(baseline.caseSequence + 1);
    const entry = await call(radhus, a.tokens['case-officer'], 'POST', api(`/case-files/${caseFile.id}/registry-entries`), {
      type: 'incoming',
      title: 'Etter feil',
      correspondents: [party({ identityNumber: syntheticNorwegianNumber('1985-04-12', 0) }), org({ organisationNumber: validNorwegianOrg })],
    });
    expect(Number(entry.registryNumber.split('/')[1])).toBe(baseline.entrySequence + 1);
  });
});
