// SPDX-License-Identifier: EUPL-1.2
// The expected decision date from the municipality's own history: median and 80th percentile of the
// days from opening to closing of finished cases of the same class, shown once there are enough of
// them; the stated processing time before that. Computed on a fixture history with known answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { MIN_FINISHED_CASES, STATED_PROCESSING_DAYS } from './cases.ts';
import { loggedInPerson, type TestPerson } from '../test-support/person.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let a: Tenant;
let officer: string;
let kari: TestPerson;

async function staff(method: 'GET' | 'POST', url: string, payload?: object): Promise<Json> {
  const res = await t.app.inject({ method, url: `/api/v1/${a.slug}${url}`, headers: { authorization: `Bearer ${officer}` }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
}
const DAY = 86_400_000;
const start = new Date('2025-01-06T09:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);

/** A case of the class opened on day `from` and closed `days` later. */
async function finished(classId: string, from: number, days: number): Promise<void> {
  t.clock.set(at(from));
  const c = await staff('POST', '/case-files', { title: `Ferdig sak ${from}-${days}`, classId });
  t.clock.set(at(from + days));
  await staff('POST', `/case-files/${c.id}/close`);
}

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant();
  officer = await t.token(a, 'case-officer');
  kari = await loggedInPerson(t, [a.id], { name: 'Kari Nordmann' });
}, 60_000);
afterAll(() => t?.close());

describe('expected decision date', () => {
  it('uses the stated time below the threshold, then the median and 80th percentile of the class’s finished cases', async () => {
    const classes = (await staff('GET', '/classes')).items as Json[];
    const [klass, other] = [classes[0]!, classes[1]!];
    // Durations 10, 20, … 90 days (nine cases), and noise in another class that must not count.
    for (let i = 1; i <= MIN_FINISHED_CASES - 1; i++) await finished(klass.id, i, i * 10);
    await finished(other.id, 0, 1000);
    await finished(other.id, 0, 2);

    t.clock.set('2026-03-02T09:00:00Z');
    const open = await staff('POST', '/case-files', { title: 'Søknad om utslippstillatelse', classId: klass.id });
    await staff('POST', `/case-files/${open.id}/registry-entries`, { type: 'incoming', title: 'Søknad', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'sender', identityNumber: kari.identityNumber }] });
    const read = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/${a.slug}/my/cases/${open.id}`, headers: { cookie: kari.headers.cookie } })).json().expectedDecision;

    const stated = await read();
    expect(stated).toEqual({ basis: 'stated', finishedCases: 9, medianDays: 50, p80Days: 74, from: '2026-04-01', to: '2026-04-01' });
    expect(STATED_PROCESSING_DAYS).toBe(30);

    // The tenth: 100 days. Ten values 10…100: median 55; 80th percentile at 0.8 × 9 = 7.2 → 80 + 0.2 × 10 = 82.
    await finished(klass.id, 20, 100);
    // (still within Kari's session: the range runs from the case date, not from today)
    t.clock.set('2026-03-02T10:00:00Z');
    const history = await read();
    expect(history).toEqual({ basis: 'history', finishedCases: 10, medianDays: 55, p80Days: 82, from: '2026-04-26', to: '2026-05-23' });
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/${a.slug}/my/cases`, headers: { cookie: kari.headers.cookie } })).json();
    expect(list.items[0].expectedDecision).toEqual(history);

  });
});
