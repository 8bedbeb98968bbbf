// SPDX-License-Identifier: EUPL-1.2
// The demo provider's storage in the real database (PGlite or PostgreSQL), and what it is for: a
// login started on one app server finishes on another, and survives a restart of the server.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClock } from '../platform/clock.ts';
import { createRadhus, type Radhus } from '../radhus.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { oidcAdapterFactory, type OidcAdapter } from './oidc-adapter.ts';
import { signingKey } from './demo-provider.ts';
import { freePort, TestBrowser } from './test-browser.ts';

let radhus: TestRadhus;
let origin: string;
let port: number;
const others: Radhus[] = [];

beforeAll(async () => {
  port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  radhus = await createTestRadhus({ PUBLIC_URL: origin, PORT: String(port), SESSION_SECRET: 'a test secret that is long enough to sign cookies' });
  await radhus.tenant({ slug: 'balsfjord', officialNumber: '5532', name: 'Balsfjord kommune', country: 'NO' });
  await radhus.app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  for (const other of others) await other.app.close();
  await radhus?.close();
});

const rowCount = async (model: string): Promise<number> => {
  const result = await sql<{ n: number }>`select count(*)::int as n from oidc_provider_payloads where model = ${model}`.execute(radhus.ctx.db.kysely);
  return result.rows[0]!.n;
};

/** A fresh adapter factory on its own clock, and a model name no other test uses. */
function adapters(): { clock: TestClock; model: (name: string) => OidcAdapter; name: (base: string) => string } {
  const clock = new TestClock();
  const factory = oidcAdapterFactory({ db: radhus.ctx.db, clock });
  const suffix = randomUUID().slice(0, 8);
  return { clock, model: (name) => factory(`${name}-${suffix}`), name: (base) => `${base}-${suffix}` };
}

describe('the database adapter', () => {
  it('stores, replaces, finds and destroys payloads per model', async () => {
    const { model } = adapters();
    const tokens = model('AccessToken');
    const codes = model('AuthorizationCode');
    await tokens.upsert('t1', { accountId: 'a', scope: 'openid', nested: { list: [1, 2] } }, 600);
    expect(await tokens.find('t1')).toEqual({ accountId: 'a', scope: 'openid', nested: { list: [1, 2] } });
    expect(await codes.find('t1')).toBeUndefined();
    expect(await tokens.find('t2')).toBeUndefined();

    await tokens.upsert('t1', { accountId: 'b' }, 600);
    expect(await tokens.find('t1')).toEqual({ accountId: 'b' });

    await tokens.destroy('t1');
    expect(await tokens.find('t1')).toBeUndefined();
  });

  it('marks a payload consumed, in epoch seconds, and a new upsert starts unconsumed', async () => {
    const { clock, model } = adapters();
    const codes = model('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g' }, 60);
    expect((await codes.find('c1'))?.consumed).toBeUndefined();
    clock.advance(5_000);
    await codes.consume('c1');
    expect(await codes.find('c1')).toEqual({ grantId: 'g', consumed: Math.floor(clock.now().getTime() / 1000) });
    await codes.upsert('c1', { grantId: 'g' }, 60);
    expect((await codes.find('c1'))?.consumed).toBeUndefined();
  });

  it('ignores expired payloads at once and deletes them at the next sweep, at most once a minute', async () => {
    const { clock, model, name } = adapters();
    const interactions = model('Interaction');
    await interactions.upsert('short', { uid: 'u-short' }, 10);
    await interactions.upsert('forever', { uid: 'u-forever' }, undefined);
    clock.advance(9_000);
    expect(await interactions.find('short')).toEqual({ uid: 'u-short' });
    clock.advance(1_000);
    expect(await interactions.find('short')).toBeUndefined();
    expect(await interactions.findByUid('u-short')).toBeUndefined();
    expect(await rowCount(name('Interaction'))).toBe(2);

    // The first upsert swept (nothing was expired then); the next sweep is due a minute later.
    await interactions.upsert('other', {}, 600);
    expect(await rowCount(name('Interaction'))).toBe(3);
    clock.advance(51_000);
    await interactions.upsert('other', {}, 600);
    expect(await rowCount(name('Interaction'))).toBe(2);
    expect(await interactions.find('forever')).toEqual({ uid: 'u-forever' });
    expect(await interactions.find('other')).toEqual({});
  });

  it('revokes the tokens of one grant, for the model asked', async () => {
    const { model, name } = adapters();
    const tokens = model('AccessToken');
    const codes = model('AuthorizationCode');
    await tokens.upsert('a1', { grantId: 'g1' }, 600);
    await tokens.upsert('a2', { grantId: 'g1' }, 600);
    await tokens.upsert('a3', { grantId: 'g2' }, 600);
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    await tokens.revokeByGrantId('g1');
    expect(await tokens.find('a1')).toBeUndefined();
    expect(await tokens.find('a2')).toBeUndefined();
    expect(await tokens.find('a3')).toEqual({ grantId: 'g2' });
    expect(await codes.find('c1')).toEqual({ grantId: 'g1' });
    expect(await rowCount(name('AccessToken'))).toBe(1);
  });

  it('finds sessions by uid and device codes by user code, within their model', async () => {
    const { model } = adapters();
    const sessions = model('Session');
    const deviceCodes = model('DeviceCode');
    await sessions.upsert('s1', { uid: 'uid-1', accountId: 'x' }, 3600);
    await deviceCodes.upsert('d1', { userCode: 'ABCD-EFGH', grantId: 'g' }, 600);
    expect(await sessions.findByUid('uid-1')).toEqual({ uid: 'uid-1', accountId: 'x' });
    expect(await sessions.findByUid('uid-2')).toBeUndefined();
    expect(await deviceCodes.findByUid('uid-1')).toBeUndefined();
    expect(await deviceCodes.findByUserCode('ABCD-EFGH')).toEqual({ userCode: 'ABCD-EFGH', grantId: 'g' });
    expect(await sessions.findByUserCode('ABCD-EFGH')).toBeUndefined();
    // A session whose uid changes (the provider rotates it) is found by the new one only.
    await sessions.upsert('s1', { uid: 'uid-3', accountId: 'x' }, 3600);
    expect(await sessions.findByUid('uid-1')).toBeUndefined();
    expect((await sessions.findByUid('uid-3'))?.accountId).toBe('x');
  });
});

describe('the signing key', () => {
  it('follows from the secret, so every app server publishes the same one', () => {
    const key = signingKey('secret one');
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(signingKey('secret one')).toEqual(key);
    expect(signingKey('secret two').d).not.toBe(key.d);
  });
});

/** Starts a login on `origin` and returns the demo provider's form action (a path). */
async function startLogin(browser: TestBrowser): Promise<string> {
  const start = '/auth/login?tenant=balsfjord&returnTo=%2Fbalsfjord';
  const toProvider = await browser.get(start);
  expect(toProvider.status).toBe(302);
  const page = await browser.follow(toProvider, start);
  expect(new URL(page.url).origin).toBe(origin);
  const html = await page.response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form at ${page.url}: ${html.slice(0, 300)}`);
  return action.replace(/&amp;/g, '&');
}

/**
 * Chooses a person on the form and follows every redirect at `server`, as a load balancer that
 * now sends this browser elsewhere would: the provider's own URLs and Rådhus's callback alike.
 */
async function finishLogin(browser: TestBrowser, server: string, action: string): Promise<string> {
  const atServer = (url: string) => {
    const target = new URL(url, server);
    return `${server}${target.pathname}${target.search}`;
  };
  let response = await browser.postForm(`${server}${action}`, { account: 'balsfjord-case-officer' });
  expect(response.status, await response.clone().text()).toBe(303);
  const trail: string[] = [];
  while (response.status >= 300 && response.status < 400) {
    const next = atServer(response.headers.get('location')!);
    trail.push(new URL(next).pathname);
    response = await browser.get(next);
    if (trail.length > 10) throw new Error(`too many redirects: ${trail.join(' → ')}`);
  }
  expect(trail).toContain('/auth/callback');
  expect(response.status, await response.clone().text()).toBeLessThan(500);
  return trail.at(-1)!;
}

const sessionUser = async (browser: TestBrowser, server: string): Promise<string | undefined> => {
  const body = (await (await browser.get(`${server}/api/v1/session`)).json()) as { user: { name: string } | null };
  return body.user?.name;
};

describe('login state in the database', () => {
  it('lets a second app server on the same database, without the in-memory warning, finish a login the first one started', async () => {
    const warn = vi.spyOn(console, 'warn');
    const second = await createRadhus(radhus.ctx, { logger: false });
    others.push(second);
    const warnings = warn.mock.calls.map((call) => String(call[0]));
    warn.mockRestore();
    expect(warnings.filter((w) => w.includes('in-memory adapter'))).toEqual([]);
    const secondPort = await freePort();
    await second.app.listen({ port: secondPort, host: '127.0.0.1' });
    const secondOrigin = `http://127.0.0.1:${secondPort}`;
    // Same issuer, same keys: one provider however many servers answer for it.
    const jwks = async (server: string) => (await fetch(`${server}/demo-idp/jwks`)).json();
    expect(await jwks(secondOrigin)).toEqual(await jwks(origin));

    const browser = new TestBrowser(origin);
    const action = await startLogin(browser);
    // The code is issued by the second server and redeemed at the issuer's token endpoint, the first.
    expect(await finishLogin(browser, secondOrigin, action)).toBe('/balsfjord');
    expect(await sessionUser(browser, secondOrigin)).toBe('Ingrid Johansen');
    expect(await sessionUser(browser, origin)).toBe('Ingrid Johansen');
    expect(await rowCount('Session')).toBeGreaterThan(0);
  });

  it('keeps a login in progress across a restart of the server', async () => {
    const browser = new TestBrowser(origin);
    const action = await startLogin(browser);
    expect(await rowCount('Interaction')).toBeGreaterThan(0);

    // Stop the server (the database stays, as it does when a process restarts) and start anew.
    // The browser's kept-alive connection dies with it; like a real browser, TestBrowser sends the
    // next GET again on a new connection.
    const closed = radhus.app.close();
    radhus.app.server.closeAllConnections();
    await closed;
    const restarted = await createRadhus(radhus.ctx, { logger: false });
    others.push(restarted);
    await restarted.app.listen({ port, host: '127.0.0.1' });

    // The person reloads the page the old server gave them: the new one knows the interaction.
    const reload = await browser.get(action.replace(/\/login$/, ''));
    expect(reload.status).toBe(200);
    expect(await reload.text()).toContain(`action="${action}"`);

    expect(await finishLogin(browser, origin, action)).toBe('/balsfjord');
    expect(await sessionUser(browser, origin)).toBe('Ingrid Johansen');
  });
});
