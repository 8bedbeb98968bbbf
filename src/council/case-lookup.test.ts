// SPDX-License-Identifier: EUPL-1.2
// The secretariat's lookup of a political case (GET …/council/cases?q=): by words of the public title or
// by case number, with the entries that may present it; never another municipality's case, never a
// match on screened words; only for the secretariat and the tenant administrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { secretariatHeaders } from './test-support.ts';

let t: TestRadhus;
let tenant: Tenant;
let other: Tenant;
let headers: Record<string, string>;
let plan: { id: string; caseNumber: string };
let presentation: string;
let screened: { id: string; caseNumber: string };
let theirs: { id: string; caseNumber: string };

interface Candidate { id: string; caseNumber: string; title: string; status: string; presentations: { id: string; title: string }[] }

async function caseFile(of: Tenant, payload: object): Promise<{ id: string; caseNumber: string }> {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/${of.slug}/case-files`, headers: { authorization: `Bearer ${await t.token(of, 'case-officer')}` }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const lookup = async (q: string, h = headers) => {
  const res = await t.app.inject({ url: `/api/v1/${tenant.slug}/council/cases?q=${encodeURIComponent(q)}`, headers: h });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Candidate[] }).items;
};

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ country: 'NO' });
  other = await t.tenant({ country: 'NO' });
  headers = await secretariatHeaders(t, tenant);
  plan = await caseFile(tenant, { title: 'Økonomiplan 2027–2030' });
  const entry = await t.app.inject({
    method: 'POST', url: `/api/v1/${tenant.slug}/case-files/${plan.id}/registry-entries`, headers: { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` },
    payload: { type: 'internal-without-followup', title: 'Saksframlegg: Økonomiplan 2027–2030' },
  });
  expect(entry.statusCode, entry.body).toBe(201);
  presentation = entry.json().id;
  screened = await caseFile(tenant, { title: 'Økonomisk sosialhjelp Ola Nordmann', screening: { legalBasis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', titleWords: ['Ola Nordmann'] } });
  theirs = await caseFile(other, { title: 'Økonomiplan for nabokommunen' });
}, 120_000);
afterAll(() => t?.close());

describe(`the secretariat's case lookup (${testEngine()})`, () => {
  it('finds the municipality’s own cases by words and by number, with their possible presentations', async () => {
    const found = await lookup('økonomiplan');
    expect(found.map((c) => c.id)).toEqual([plan.id]);
    expect(found[0]).toMatchObject({ caseNumber: plan.caseNumber, title: 'Økonomiplan 2027–2030', status: 'in-progress', presentations: [{ id: presentation, title: 'Saksframlegg: Økonomiplan 2027–2030' }] });
    expect((await lookup(plan.caseNumber)).map((c) => c.id)).toEqual([plan.id]);
  });

  it('never lists another municipality’s case, by its words or its number', async () => {
    expect(await lookup('nabokommunen')).toEqual([]);
    const byNumber = await lookup(theirs.caseNumber);
    expect(byNumber.map((c) => c.id)).not.toContain(theirs.id);
    expect(JSON.stringify(await lookup(''))).not.toContain(theirs.id);
  });

  it('matches the public title only: screened words find nothing, the case shows with *****', async () => {
    expect(await lookup('Nordmann')).toEqual([]);
    const found = await lookup('sosialhjelp');
    expect(found.map((c) => [c.id, c.title])).toEqual([[screened.id, expect.stringContaining('*****')]]);
    expect(found[0]!.title).not.toContain('Nordmann');
  });

  it('is for the secretariat and the tenant administrator only', async () => {
    expect((await lookup('økonomiplan', { authorization: `Bearer ${await t.token(tenant, 'tenant-admin')}` })).map((c) => c.id)).toEqual([plan.id]);
    for (const role of ['case-officer', 'politician', 'citizen'] as const) {
      const res = await t.app.inject({ url: `/api/v1/${tenant.slug}/council/cases?q=x`, headers: { authorization: `Bearer ${await t.token(tenant, role)}` } });
      expect(res.statusCode, role).toBe(403);
    }
  });
});
