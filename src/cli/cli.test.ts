// SPDX-License-Identifier: EUPL-1.2
// The commands end to end, in this process, on a fresh data folder (or a fresh PostgreSQL
// database when RADHUS_TEST_DATABASE_URL is set).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';
import { freshDatabaseUrl } from '../test-support/app.ts';
import { captureOutput } from './io.ts';
import { main } from './main.ts';

let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'radhus-cli-'));
  const databaseUrl = await freshDatabaseUrl();
  env = { NODE_ENV: 'test', DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
});

async function radhus(...argv: string[]) {
  const io = captureOutput();
  const code = await main(argv, io, env);
  return { code, stdout: io.stdout, stderr: io.stderr, last: io.stdout.at(-1) ?? '' };
}

/** Row counts of every table: what "changes nothing" means. */
async function snapshot(): Promise<Record<string, number>> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(db.kysely);
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db.kysely);
      counts[name] = result.rows[0]!.n;
    }
    return counts;
  } finally {
    await db.close();
  }
}

describe('radhus commands', { timeout: 300_000 }, () => {
  it('work on an empty data folder, migrating it first', async () => {
    const list = await radhus('tenant', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toEqual(['No municipalities yet: add one with `radhus tenant add`, or load the demo with `radhus seed-demo`.']);
    expect(list.stderr.join('\n')).toMatch(/migrating 0001_platform/);

    const migrate = await radhus('migrate');
    expect(migrate).toMatchObject({ code: 0, stderr: [] });
    expect(migrate.last).toMatch(/is up to date\.$/);
  });

  it('add municipalities, and explain invalid ones field by field with exit code 1', async () => {
    const added = await radhus('tenant', 'add', '--slug', 'balsfjord', '--number', '5532', '--name', 'Balsfjord kommune', '--country', 'NO');
    expect(added.code).toBe(0);
    expect(added.stdout[0]).toBe('Added Balsfjord kommune (NO 5532) as "balsfjord", language nb, with its archive set up.');

    const bad = await radhus('tenant', 'add', '--slug', 'X', '--number', '55', '--name', 'Bad', '--country', 'SE');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('  --slug: use 2–40 lower-case letters a–z, digits and hyphens, starting with a letter (e.g. "nassjo")');
    expect(bad.stderr).toContain('  --number: must be the four-digit kommunenummer (NO) or kommunkod (SE), e.g. 5532 or 0682');

    const taken = await radhus('tenant', 'add', '--slug', 'balsfjord', '--number', '0686', '--name', 'Eksjö kommun', '--country', 'SE', '--language', 'sv');
    expect(taken.code).toBe(1);
    expect(taken.stderr[0]).toBe('radhus tenant add: a municipality with slug "balsfjord" exists already');

    const list = await radhus('tenant', 'list');
    expect(list.stdout).toHaveLength(2);
    expect(list.stdout[1]).toMatch(/^balsfjord\s+NO\s+5532\s+nb\s+Balsfjord kommune$/);
  });

  it('create a token alone on the last line, list it, and revoke it by id or by the token itself', async () => {
    const created = await radhus('token', 'create', '--tenant', 'balsfjord', '--role', 'system', '--name', 'Sak/arkiv');
    expect(created.code).toBe(0);
    expect(created.last).toMatch(/^rdh_[A-Za-z0-9_-]{43}$/);
    const id = /Created token (\S+)/.exec(created.stdout[0]!)![1]!;
    const second = await radhus('token', 'create', '--tenant', 'balsfjord', '--role', 'archivist');

    const listed = await radhus('token', 'list', '--tenant', 'balsfjord');
    expect(listed.stdout.join('\n')).toMatch(new RegExp(`${id}\\s+system\\s+active .*Sak/arkiv`));
    expect(listed.stdout.join('\n')).not.toContain(created.last);

    expect((await radhus('token', 'revoke', '--tenant', 'balsfjord', '--token', created.last)).code).toBe(0);
    const secondId = /Created token (\S+)/.exec(second.stdout[0]!)![1]!;
    expect((await radhus('token', 'revoke', '--tenant', 'balsfjord', '--id', secondId)).stdout).toEqual([`Revoked token ${secondId} of Balsfjord kommune (balsfjord).`]);
    const after = await radhus('token', 'list', '--tenant', 'balsfjord');
    expect(after.stdout.filter((line) => / revoked /.test(line))).toHaveLength(2);

    const again = await radhus('token', 'revoke', '--tenant', 'balsfjord', '--id', id);
    expect(again).toMatchObject({ code: 1, stderr: [`radhus token revoke: active token ${id} was not found`] });
    const unknown = await radhus('token', 'create', '--tenant', 'nowhere', '--role', 'system');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr[0]).toBe('radhus token create: no municipality with slug "nowhere"; the municipalities here are: balsfjord');
  });

  it('make the first tenant administrator before their first login, list people and revoke roles', async () => {
    const empty = await radhus('user', 'list', '--tenant', 'balsfjord');
    expect(empty.stdout[0]).toMatch(/^Nobody holds a role in Balsfjord kommune yet; make the first administrator with radhus user grant/);
    const granted = await radhus('user', 'grant', '--tenant', 'balsfjord', '--email', 'It-Sjef@Balsfjord.Kommune.no', '--role', 'tenant-admin');
    expect(granted).toMatchObject({ code: 0, stdout: ['Granted tenant-admin in Balsfjord kommune (balsfjord) to It-Sjef@Balsfjord.Kommune.no, waiting for their first login.'] });
    expect((await radhus('user', 'grant', '--tenant', 'balsfjord', '--subject', 'abc-123', '--role', 'case-officer')).code).toBe(0);
    const listed = await radhus('user', 'list', '--tenant', 'balsfjord');
    expect(listed.stdout[0]).toMatch(/^USER\s+ROLE\s+SOURCE\s+LAST LOGIN\s+E-MAIL\s+NAME$/);
    expect(listed.stdout.join('\n')).toMatch(/\(pending\)\s+tenant-admin\s+local\s+-\s+it-sjef@balsfjord\.kommune\.no/);
    expect(listed.stdout.join('\n')).toMatch(/\(pending\)\s+case-officer\s+local\s+-\s+subject abc-123/);
    const revoked = await radhus('user', 'revoke', '--tenant', 'balsfjord', '--subject', 'abc-123', '--role', 'case-officer');
    expect(revoked.stdout).toEqual(['Withdrew the waiting grant of case-officer in Balsfjord kommune (balsfjord) for subject abc-123.']);
    expect(await radhus('user', 'revoke', '--tenant', 'balsfjord', '--subject', 'abc-123', '--role', 'case-officer')).toMatchObject({ code: 1 });
    expect(await radhus('user', 'grant', '--tenant', 'balsfjord', '--role', 'archivist')).toMatchObject({ code: 2, stderr: ['radhus: say who: --email <e-mail> or --subject <sub>', 'See "radhus user grant --help".'] });
    expect((await radhus('user', 'grant', '--tenant', 'balsfjord', '--email', 'a@b.no', '--role', 'system')).code).toBe(2);
  });

  it('refuse to revoke the last tenant administrator (exit code 1, nothing changed)', async () => {
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const tenantId = (await sql<{ id: string }>`select id from tenants where slug = 'balsfjord'`.execute(db.kysely)).rows[0]!.id;
      await withoutTenant(db, async (tx) => {
        const id = await upsertUser(tx, { issuer: 'https://idp.test', subject: 'siri-sjef', name: 'Siri Sjef', email: undefined, identityNumber: undefined }, new Date());
        await grantLocalRole(tx, tenantId, id, 'tenant-admin', new Date());
      });
    } finally {
      await db.close();
    }
    const before = await snapshot();
    const refused = await radhus('user', 'revoke', '--tenant', 'balsfjord', '--subject', 'siri-sjef', '--role', 'tenant-admin');
    expect(refused.code).toBe(1);
    expect(refused.stderr[0]).toMatch(/^radhus user revoke: Siri Sjef is the last tenant administrator of this municipality; grant tenant-admin to someone else first/);
    expect(await snapshot()).toEqual(before);
  });

  it('create a token with an expiry date', async () => {
    const created = await radhus('token', 'create', '--tenant', 'balsfjord', '--role', 'system', '--name', 'Until new year', '--expires', '2099-01-01');
    expect(created.stdout[0]).toMatch(/valid until 2099-01-01T00:00:00\.000Z\.$/);
    expect((await radhus('token', 'list', '--tenant', 'balsfjord')).stdout.join('\n')).toMatch(/system\s+active until 2099-01-01 00:00 .*Until new year/);
    expect((await radhus('token', 'create', '--tenant', 'balsfjord', '--role', 'system', '--expires', 'tomorrow')).code).toBe(2);
    expect((await radhus('token', 'create', '--tenant', 'balsfjord', '--role', 'system', '--expires', '2001-01-01')).code).toBe(1);
  });

  it('refuse mistakes on the command line or in the environment with exit code 2', async () => {
    expect(await radhus('token', 'create', '--tenant', 'balsfjord')).toMatchObject({ code: 2, stderr: ['radhus: missing --role <role>', 'See "radhus token create --help".'] });
    expect((await radhus('tenant', 'remove')).code).toBe(2);
    expect((await radhus()).code).toBe(2);
    const io = captureOutput();
    expect(await main(['tenant', 'list'], io, { ...env, PORT: 'eighty' })).toBe(2);
    expect(io.stderr).toEqual(['radhus: fix the environment: PORT must be a port number, got "eighty"']);
    expect((await radhus('--help')).stdout[0]).toMatch(/^radhus: the command line of Rådhus/);
  });

  it('seed the demo municipalities once: a second run changes nothing', async () => {
    const first = await radhus('seed-demo');
    expect(first.code).toBe(0);
    expect(first.last).toMatch(/^Loaded demo data into .*nassjo/);
    const before = await snapshot();
    expect(before.case_files).toBeGreaterThan(6);

    const second = await radhus('seed-demo');
    expect(second.code).toBe(0);
    expect(second.last).toMatch(/^Nothing to do: the demo data is loaded already \(municipalities: .*balsfjord.*vetlanda\)\.$/);
    expect(await snapshot()).toEqual(before);
  });
});
