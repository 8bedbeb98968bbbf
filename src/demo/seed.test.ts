// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { withoutTenant, withTenant } from '../platform/db/transaction.ts';
import { isValidOrganisationNumber, parseIdentityNumber } from '../common/idnumbers.ts';
import { listTenants } from '../tenants/service.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { seedDemo } from './seed.ts';

const slugs = ['balsfjord', 'aneby', 'eksjo', 'nassjo', 'savsjo', 'vetlanda'];
// Seeding six municipalities writes some hundred PDFs with fsync; a busy CI machine needs time.
const SLOW = 180_000;
const counted = ['case_files', 'registry_entries', 'correspondents', 'follow_ups', 'documents', 'document_objects', 'remarks', 'retention_decisions', 'change_log', 'fonds', 'series', 'classes'];

async function rows<T>(radhus: TestRadhus, tenant: Tenant, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => (await query.execute(tx)).rows);
}

async function countAll(radhus: TestRadhus, tenants: Tenant[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const tenant of tenants) {
    for (const table of counted) {
      const [row] = await rows<{ n: number }>(radhus, tenant, sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`);
      counts[`${tenant.slug}.${table}`] = row!.n;
    }
  }
  return counts;
}

const streamBytes = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('seedDemo', () => {
  let radhus: TestRadhus;
  let tenants: Tenant[];
  let firstRun: { added: string[] };
  const log: string[] = [];

  beforeAll(async () => {
    radhus = await createTestRadhus();
    firstRun = await seedDemo(radhus.ctx, (line) => log.push(line));
    tenants = await withoutTenant(radhus.ctx.db, (tx) => listTenants(tx));
    // The tests below loop over these; an empty list would let them pass without looking.
    expect(tenants.map((t) => t.slug).sort()).toEqual([...slugs].sort());
  }, SLOW);
  afterAll(() => radhus?.close());

  it('adds the six municipalities with their official numbers, names and languages', () => {
    expect(firstRun.added).toEqual(slugs);
    const bySlug = Object.fromEntries(tenants.map((t) => [t.slug, t]));
    expect(Object.keys(bySlug).sort()).toEqual([...slugs].sort());
    expect(bySlug.balsfjord).toMatchObject({ officialNumber: '5532', country: 'NO', language: 'nb', name: 'Balsfjord kommune' });
    expect(bySlug.aneby).toMatchObject({ officialNumber: '0604', country: 'SE', language: 'sv', name: 'Aneby kommun' });
    expect(bySlug.eksjo).toMatchObject({ officialNumber: '0686', country: 'SE', language: 'sv', name: 'Eksjö kommun' });
    expect(bySlug.nassjo).toMatchObject({ officialNumber: '0682', country: 'SE', language: 'sv', name: 'Nässjö kommun' });
    expect(bySlug.savsjo).toMatchObject({ officialNumber: '0684', country: 'SE', language: 'sv', name: 'Sävsjö kommun' });
    expect(bySlug.vetlanda).toMatchObject({ officialNumber: '0685', country: 'SE', language: 'sv', name: 'Vetlanda kommun' });
    expect(log.join('\n')).toMatch(/balsfjord: Balsfjord kommune added, \d+ case files/);
  });

  it('gives each municipality case files, entries, documents, open and closed cases and screened entries', async () => {
    for (const tenant of tenants) {
      const [c] = await rows<Record<string, number>>(radhus, tenant, sql`select
        (select count(*)::int from case_files) as cases,
        (select count(*)::int from case_files where status = 'closed') as closed,
        (select count(*)::int from case_files where status = 'in-progress') as open,
        (select count(*)::int from registry_entries) as entries,
        (select count(*)::int from registry_entries where screening is not null and public_title like '%*****%') as screened,
        (select count(*)::int from documents) as documents,
        (select count(*)::int from registry_entries e where type in ('incoming', 'outgoing') and not exists (select 1 from documents d where d.registry_entry_id = e.id)) as letters_without_pdf,
        (select count(*)::int from follow_ups) as follow_ups`);
      expect(c!.cases, tenant.slug).toBeGreaterThanOrEqual(6);
      expect(c!.entries, tenant.slug).toBeGreaterThanOrEqual(6);
      expect(c!.closed, tenant.slug).toBeGreaterThanOrEqual(1);
      expect(c!.open, tenant.slug).toBeGreaterThanOrEqual(2);
      expect(c!.screened, tenant.slug).toBeGreaterThanOrEqual(1);
      expect(c!.documents, tenant.slug).toBeGreaterThanOrEqual(c!.entries!);
      expect(c!.letters_without_pdf, tenant.slug).toBe(0);
      expect(c!.follow_ups, tenant.slug).toBeGreaterThanOrEqual(3);
    }
  });

  it('screens with the country legal basis and keeps the name out of the public title', async () => {
    const basis = { NO: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', SE: 'OSL 26 kap. 1 §' };
    for (const tenant of tenants) {
      const screened = await rows<{ title: string; public_title: string; screening: { legalBasis: string; fields: string[]; titleWords: string[] } }>(
        radhus, tenant, sql`select title, public_title, screening from registry_entries where screening is not null`);
      expect(screened.length, tenant.slug).toBeGreaterThan(0);
      for (const e of screened) {
        expect(e.screening.legalBasis).toBe(basis[tenant.country]);
        expect(e.screening.fields).toContain('correspondents');
        for (const word of e.screening.titleWords) expect(e.public_title).not.toContain(word);
      }
    }
  });

  it('numbers entries in the order of their dates, in the past', async () => {
    for (const tenant of tenants) {
      const entries = await rows<{ entry_year: number; entry_sequence: number; created_at: Date }>(radhus, tenant, sql`select entry_year, entry_sequence, created_at from registry_entries order by entry_year, entry_sequence`);
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.created_at.getTime()).toBeGreaterThan(entries[i - 1]!.created_at.getTime());
      expect(entries.every((e) => e.created_at < radhus.clock.now())).toBe(true);
      expect(new Set(entries.map((e) => e.created_at.toISOString().slice(0, 10))).size, tenant.slug).toBeGreaterThan(5);
    }
  });

  it('gives every person a valid, synthetic identity number and every organisation number a valid checksum', async () => {
    let people = 0;
    for (const tenant of tenants) {
      const parties = await rows<{ kind: string; name: string; identity_number: string | null; organisation_number: string | null }>(radhus, tenant, sql`select kind, name, identity_number, organisation_number from correspondents`);
      for (const p of parties) {
        if (p.kind === 'person') {
          people++;
          expect(p.identity_number, p.name).not.toBeNull();
          const parsed = parseIdentityNumber(p.identity_number!);
          expect(parsed.ok && parsed.synthetic && parsed.country === tenant.country, `${p.name} ${p.identity_number}`).toBe(true);
        }
        if (p.organisation_number) expect(isValidOrganisationNumber(p.organisation_number, tenant.country), p.name).toBe(true);
      }
    }
    expect(people).toBeGreaterThan(40);
  });

  it('stores each document as a PDF whose checksum verifies when read back', async () => {
    const tenant = tenants.find((t) => t.slug === 'balsfjord')!;
    const objects = await rows<{ checksum: string; mime_type: string; file_name: string }>(radhus, tenant, sql`select checksum, mime_type, file_name from document_objects`);
    expect(objects.length).toBeGreaterThan(10);
    for (const o of objects) {
      expect(o.mime_type).toBe('application/pdf');
      expect(o.file_name).toMatch(/^[a-z0-9-]+\.pdf$/);
      const bytes = await streamBytes(radhus.ctx.files.get(o.checksum));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('changes nothing when run a second time', async () => {
    const before = await countAll(radhus, tenants);
    const second = await seedDemo(radhus.ctx);
    expect(second.added).toEqual([]);
    expect(await countAll(radhus, tenants)).toEqual(before);
    expect(await withoutTenant(radhus.ctx.db, (tx) => listTenants(tx))).toHaveLength(6);
  }, SLOW);

  it("shows a Balsfjord case officer only Balsfjord's cases through the API", async () => {
    const balsfjord = tenants.find((t) => t.slug === 'balsfjord')!;
    const token = await radhus.token(balsfjord, 'case-officer');
    const res = await radhus.app.inject({ method: 'GET', url: '/api/v1/balsfjord/case-files?limit=200', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { title: string; caseNumber: string }[];
    const own = await rows<{ title: string }>(radhus, balsfjord, sql`select title from case_files`);
    expect(items.map((i) => i.title).sort()).toEqual(own.map((r) => r.title).sort());
    expect(items.some((i) => /Bredbåndsutbygging Malangshalvøya/.test(i.title))).toBe(true);
    expect(items.some((i) => /Höglandet|bostadsanpassning/i.test(i.title))).toBe(false);
    // Balsfjord's token does not exist in Aneby.
    const other = await radhus.app.inject({ method: 'GET', url: '/api/v1/aneby/case-files', headers: { authorization: `Bearer ${token}` } });
    expect(other.statusCode).toBe(401);
  });

  it("has the demo case officers in the units of their stories, so “my unit’s cases” shows cases at the first login", async () => {
    const balsfjord = tenants.find((t) => t.slug === 'balsfjord')!;
    const units = await rows<{ subject: string; code: string; cases: number }>(radhus, balsfjord, sql`
      select u.subject, a.code, (select count(*)::int from case_files c where c.responsible_unit_id = a.id) as cases
      from unit_members m join users u on u.id = m.user_id join administrative_units a on a.id = m.unit_id order by u.subject, a.code`);
    expect(units.map((u) => u.subject)).toContain('balsfjord-case-officer');
    expect(units.every((u) => u.cases > 0)).toBe(true);
  });
});

describe('seedDemo next to existing municipalities', () => {
  let radhus: TestRadhus;
  beforeAll(async () => {
    radhus = await createTestRadhus();
  }, SLOW);
  afterAll(() => radhus?.close());

  it('leaves alone a slug that belongs to another municipality and a demo municipality that has cases already', async () => {
    const impostor = await radhus.tenant({ slug: 'aneby', officialNumber: '0380', name: 'Annen kommune', country: 'NO' });
    const log: string[] = [];
    const result = await seedDemo(radhus.ctx, (line) => log.push(line));
    expect(result.added).toEqual(['balsfjord', 'eksjo', 'nassjo', 'savsjo', 'vetlanda']);
    expect(log.join('\n')).toMatch(/skipped aneby: that slug belongs to Annen kommune/);
    const [impostorCases] = await rows<{ n: number }>(radhus, impostor, sql`select count(*)::int as n from case_files`);
    expect(impostorCases!.n).toBe(0);
    expect((await seedDemo(radhus.ctx, (line) => log.push(line))).added).toEqual([]);
    expect(log.at(-1)).toMatch(/vetlanda: has case files already/);
  }, SLOW);
});
