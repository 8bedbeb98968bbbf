// SPDX-License-Identifier: EUPL-1.2
// Proof that nothing screened reaches the public (issue 5 §3). Two municipalities, one Norwegian
// and one Swedish, get screened words, screened names, identity numbers, a hidden unit,
// descriptions and remarks through the API; then every public route and page (from the route
// declarations and the OpenAPI document, in every language, with every Accept header, and every
// link found on the way) is asked anonymously, and no marker may appear in any body or header, in
// any form. The public values must appear, so an empty page cannot pass. Then the database role
// itself: radhus_public reads the public tables and nothing else, and the public handlers use it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withPublic } from '../platform/db/transaction.ts';
import { languages } from '../common/languages.ts';
import type { OpenApiDocument } from './support.ts';
import { seedLeakMunicipality, type LeakFixture } from './public-fixture.ts';
import { formsOf, hitsIn, identityForms, planPublicWalk, walkPublic, type Visit } from './public-walk.ts';

let radhus: TestRadhus;
let doc: OpenApiDocument;
let fixtures: LeakFixture[];
/** Marker → its forms, for every secret of both municipalities. */
const markers = new Map<string, string[]>();

/** The tables and views radhus_public may read; everything else in the schema is closed to it. */
const publicRelations = ['public_case_files', 'public_documents', 'public_registry_entries', 'public_tenants', 'public_access_request_statistics', 'public_forms',
  // The council's public projection (0022) and OParl's record of deleted public objects (ids and times only).
  'public_council_terms', 'public_council_parties', 'public_council_persons', 'public_council_bodies', 'public_council_memberships',
  'public_council_meetings', 'public_council_agenda_items', 'public_council_notices', 'oparl_deleted',
  // Participation (0028): proposals with a signature count only, consultations and their published comments, questions.
  'public_citizen_proposals', 'public_consultations', 'public_consultation_comments', 'public_council_questions'];

beforeAll(async () => {
  radhus = await createTestRadhus();
  doc = (await radhus.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  fixtures = [await seedLeakMunicipality(radhus, 'NO'), await seedLeakMunicipality(radhus, 'SE')];
  for (const f of fixtures) {
    for (const secret of Object.keys(f.secrets)) {
      // The hex alone too: it survives any escaping of the name around it.
      markers.set(secret, [...formsOf(secret), secret.split('-').at(-1)!.replace('@example.org', '')]);
    }
    for (const number of f.identityNumbers) markers.set(number, identityForms(number));
  }
}, 120_000);
afterAll(() => radhus?.close());

const describeVisit = (v: Visit) => `${v.method} ${v.url} ${JSON.stringify(v.headers)} → ${v.status}`;

describe(`nothing screened reaches the public (${testEngine()})`, () => {
  it('the public projection holds the public values and none of the secrets, read as radhus_public', async () => {
    const rows = await withPublic(radhus.ctx.db, async (tx) => {
      const all: unknown[] = [];
      for (const table of publicRelations) all.push(...(await sql`select to_jsonb(t) as row from ${sql.table(table)} t`.execute(tx)).rows);
      return JSON.stringify(all);
    });
    expect(hitsIn(rows, markers)).toEqual([]);
    for (const f of fixtures) {
      for (const value of [...f.shown, ...f.projected]) expect(rows, value).toContain(value);
      expect(rows).toContain(f.tenant.slug);
    }
    expect(rows).toContain('*****');
  });

  it('no marker in any answer of any public route or page, anonymously, in any language; the public values are shown', async () => {
    // Every entry of the archive by id, screened and void ones too: the public journal must answer 404 for those.
    const entryIds = (await sql<{ id: string }>`select id from registry_entries order by id`.execute(radhus.ctx.db.kysely)).rows.map((r) => r.id);
    // Every council meeting and item, closed and unpublished ones too.
    const meetingIds = (await sql<{ id: string }>`select id from council_meetings order by id`.execute(radhus.ctx.db.kysely)).rows.map((r) => r.id);
    const itemIds = (await sql<{ id: string }>`select id from council_agenda_items order by id`.execute(radhus.ctx.db.kysely)).rows.map((r) => r.id);
    // Every question to a politician, withdrawn and rejected ones too.
    const questionIds = (await sql<{ id: string }>`select id from council_questions order by id`.execute(radhus.ctx.db.kysely)).rows.map((r) => r.id);
    const consultationIds = (await sql<{ id: string }>`select id from consultations order by id`.execute(radhus.ctx.db.kysely)).rows.map((r) => r.id);
    const proposalIds = (await sql<{ id: string }>`select id from citizen_proposals order by id`.execute(radhus.ctx.db.kysely)).rows.map((r) => r.id);
    const plan = planPublicWalk(radhus, { slugs: fixtures.map((f) => f.tenant.slug), doc, entryIds, meetingIds, itemIds, questionIds, consultationIds, proposalIds });
    expect(plan.untaught, 'public routes the walk cannot fill').toEqual([]);
    expect(plan.publicOperations).toEqual(expect.arrayContaining(['listTenants', 'getTenant']));
    const visits = await walkPublic(radhus, plan);

    // Under inject the login cannot fetch the demo provider's discovery document over HTTP (nothing
    // listens), so /auth/login answers its 503 page "the login service does not answer" here, and
    // /app/ answers 503 until `npm run build:web`; any other 5xx is a broken public route.
    const expected = (v: Visit) => (v.url.startsWith('/auth/login') || v.url.startsWith('/app/')) && v.status === 503;
    const broken = visits.filter((v) => v.status >= 500 && !expected(v)).map(describeVisit);
    expect(broken).toEqual([]);
    const leaks = visits.flatMap((v) => hitsIn(v.text, markers).map((m) => `${describeVisit(v)}: ${m} (${fixtures.map((f) => f.secrets[m]).find(Boolean) ?? 'identity number'})`));
    expect(leaks).toEqual([]);
    // The walk reached what it should have: pages, error pages, the API, the stylesheet and fonts.
    const reached = (pattern: RegExp, status?: number) => visits.some((v) => pattern.test(v.url) && (status === undefined || v.status === status));
    expect(reached(/^\/(\?|$)/, 200), 'the list of municipalities').toBe(true);
    expect(reached(/^\/ingen-slik-kommune/, 404), 'the 404 page').toBe(true);
    expect(reached(/lang=%ff/, 400), 'the 400 page').toBe(true);
    expect(reached(/^\/api\/v1\/tenants/, 200)).toBe(true);
    expect(reached(/^\/static\/site\/.*\.css$/, 200), 'the stylesheet, by following links').toBe(true);
    expect(reached(/\.woff2$/, 200), 'a font, by following the stylesheet').toBe(true);
    if (radhus.config.demoIdp) expect(reached(/^\/dev\/mailbox$/, 200)).toBe(true);

    // Each municipality's page shows its public journal in every language and with every header.
    for (const f of fixtures) {
      const pages = visits.filter((v) => v.url.split('?')[0] === `/${f.tenant.slug}` && v.status === 200 && v.contentType.startsWith('text/html'));
      expect(pages.length).toBeGreaterThanOrEqual(languages.length * 3);
      for (const language of languages) expect(pages.some((v) => v.text.includes(`lang="${language}"`)), language).toBe(true);
      for (const page of pages) {
        for (const value of f.shown) expect(page.text, `${describeVisit(page)} shows ${value}`).toContain(value);
        expect(page.text).toContain('*****');
      }
    }
  }, 120_000);

  it('the public journal search finds no secret, and excluding one changes no count (JSON, one and all municipalities)', async () => {
    const total = async (url: string) => {
      const res = await radhus.app.inject({ method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(hitsIn(res.body, markers), url).toEqual([]);
      return res.json().total as number;
    };
    for (const f of fixtures) {
      const base = `/api/v1/${f.tenant.slug}/public-journal`;
      const all = await total(base);
      expect(all).toBeGreaterThan(0);
      for (const secret of [...Object.keys(f.secrets), ...f.identityNumbers]) {
        for (const query of [`q=${encodeURIComponent(secret)}`, `q=${encodeURIComponent(`"${secret}"`)}`, `correspondent=${encodeURIComponent(secret)}`])
          expect(await total(`${base}?${query}`), `${secret} (${f.secrets[secret] ?? 'identity number'}): ${query}`).toBe(0);
        expect(await total(`/api/v1/public-journal?q=${encodeURIComponent(secret)}`), secret).toBe(0);
        expect(await total(`${base}?q=${encodeURIComponent(`-${secret}`)}`), secret).toBe(all);
      }
      // Not vacuous: the public values are found.
      for (const value of f.shown) expect(await total(`${base}?q=${encodeURIComponent(`"${value}"`)}`), value).toBeGreaterThan(0);
    }
  }, 120_000);

  it('the leak check finds a marker in each form it can take', () => {
    const [f] = fixtures;
    const secret = Object.keys(f!.secrets)[1]!;
    for (const form of formsOf(secret)) expect(hitsIn(`<p>${form}</p>`, markers), form).toEqual([secret]);
    expect(hitsIn(secret.toLocaleUpperCase(), markers)).toEqual([secret]);
    for (const number of f!.identityNumbers) for (const form of identityForms(number)) expect(hitsIn(`nr ${form}.`, markers)).toEqual([number]);
    expect(hitsIn(JSON.stringify({ name: f!.shown[0] }), markers)).toEqual([]);
  });
});

/** Every table, view and sequence of the schema, as the owner sees them. */
async function relations(): Promise<{ name: string; kind: string }[]> {
  const rows = await sql<{ name: string; kind: string }>`
    select c.relname as name, c.relkind::text as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') order by c.relname`.execute(radhus.ctx.db.kysely);
  return rows.rows;
}

/** Runs a statement as radhus_public in a transaction that is not read-only: only the grants stop it. */
async function asPublicRole(statement: ReturnType<typeof sql>): Promise<unknown> {
  return radhus.ctx.db.kysely.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'radhus_public', true)`.execute(tx);
    return statement.execute(tx);
  });
}

describe(`the public role (${testEngine()})`, () => {
  it('radhus_public cannot read any table, view or sequence but the public ones', async () => {
    const all = await relations();
    const closed = all.filter((r) => !publicRelations.includes(r.name));
    expect(closed.map((r) => r.name)).toEqual(expect.arrayContaining(['case_files', 'registry_entries', 'correspondents', 'remarks', 'tenants', 'users', 'api_tokens', 'administrative_units', 'outbox', 'sessions']));
    const readable: string[] = [];
    for (const r of closed) {
      const read = r.kind === 'S' ? sql`select nextval(${r.name}::regclass)` : sql`select * from ${sql.table(r.name)} limit 1`;
      await withPublic(radhus.ctx.db, (tx) => read.execute(tx)).then(
        () => readable.push(r.name),
        (error: Error) => expect(error.message, r.name).toMatch(/permission denied/),
      );
    }
    expect(readable).toEqual([]);
    const who = await withPublic(radhus.ctx.db, async (tx) => (await sql<{ who: string }>`select current_user as who`.execute(tx)).rows[0]!.who);
    expect(who).toBe('radhus_public');
    for (const name of publicRelations) await withPublic(radhus.ctx.db, (tx) => sql`select * from ${sql.table(name)} limit 1`.execute(tx));
  });

  it('radhus_public cannot write anything, even outside a read-only transaction', async () => {
    const [f] = fixtures;
    const id = '00000000-0000-7000-8000-000000000001';
    const writes = [
      sql`insert into public_case_files (id, tenant_id, case_number, case_year, case_sequence, public_title, status, case_date, updated_at)
          values (${id}, ${f!.tenant.id}, '2026/1', 2026, 1, 'Forfalsket', 'in-progress', '2026-03-02', now())`,
      sql`update public_registry_entries set public_title = 'Forfalsket'`,
      sql`delete from public_registry_entries`,
      sql`update public_tenants set name = 'Forfalsket'`,
      sql`update case_files set title = 'Forfalsket'`,
      sql`insert into tenants (id) values (${id})`,
      sql`create table public_smuggled (x text)`,
    ];
    for (const write of writes) {
      await expect(asPublicRole(write)).rejects.toThrow(/permission denied|cannot be updated/);
      await expect(withPublic(radhus.ctx.db, (tx) => write.execute(tx))).rejects.toThrow(/read-only transaction|permission denied/);
    }
    const titles = await sql<{ n: number }>`select count(*)::int as n from public_registry_entries where public_title = 'Forfalsket'`.execute(radhus.ctx.db.kysely);
    expect(titles.rows[0]!.n).toBe(0);
  });

  it('the public routes and pages read as radhus_public: without its grants they show nothing', async () => {
    const [f] = fixtures;
    const requests = ['/', `/${f!.tenant.slug}`, '/api/v1/tenants', `/api/v1/${f!.tenant.slug}`];
    const ask = () => Promise.all(requests.map((url) => radhus.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })));
    for (const res of await ask()) expect(res.statusCode).toBe(200);
    const owner = radhus.ctx.db.kysely;
    await sql`revoke select on public_tenants, public_case_files, public_registry_entries from radhus_public`.execute(owner);
    try {
      for (const [i, res] of (await ask()).entries()) {
        // Read as anyone else (the owner, radhus_app) the page would still work.
        expect(res.statusCode, requests[i]).toBeGreaterThanOrEqual(500);
        expect(res.body).not.toContain(f!.tenant.name);
        expect(hitsIn(res.body, markers)).toEqual([]);
        expect(res.body).not.toContain(f!.shown[0]);
      }
    } finally {
      await sql`grant select on public_tenants, public_case_files, public_registry_entries to radhus_public`.execute(owner);
    }
    for (const res of await ask()) expect(res.statusCode).toBe(200);
  });

  it('the public pages and the tenants routes open no other kind of transaction (source scan)', async () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    const files = [
      ...(await readdir(join(src, 'site'), { recursive: true })).filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts')).map((name) => join(src, 'site', name)),
      join(src, 'tenants', 'routes.ts'),
      // The participation pages (issue 11); their test factory writes projection rows as radhus_app.
      ...(await readdir(join(src, 'participation-site'), { recursive: true })).filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && name !== 'test-support.ts').map((name) => join(src, 'participation-site', name)),
      ...['routes.ts', 'service.ts', 'repository.ts', 'deleted.ts'].map((name) => join(src, 'oparl', name)),
      join(src, 'mail', 'mailbox-routes.ts'),
    ];
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (/\bwith(?:out)?Tenant\b|\.kysely\b|\.transaction\(/.test(text)) offenders.push(file.slice(src.length));
    }
    expect(offenders).toEqual([]);
    expect(await readFile(join(src, 'site', 'routes.ts'), 'utf8')).toMatch(/withPublic\(db/);
  });
});
