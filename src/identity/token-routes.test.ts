// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';

let radhus: TestRadhus;
let north: Tenant;
let south: Tenant;
let admin: string;

beforeAll(async () => {
  radhus = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
  north = await radhus.tenant({ country: 'NO' });
  south = await radhus.tenant({ country: 'SE', officialNumber: '0685' });
  admin = await radhus.token(north, 'tenant-admin');
});

afterAll(async () => {
  await radhus?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function create(tenant: Tenant, token: string, body: unknown) {
  return radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/tokens`, headers: bearer(token), payload: body as object });
}

describe('token administration', () => {
  it('creates a token shown once, lists it without its secret, and revokes it', async () => {
    const created = await create(north, admin, { role: 'system', name: 'Byggesak integration' });
    expect(created.statusCode).toBe(201);
    const body = created.json() as { id: string; token: string; role: string; name: string };
    expect(body).toMatchObject({ role: 'system', name: 'Byggesak integration' });
    expect(body.token).toMatch(/^rdh_/);

    const listed = await radhus.app.inject({ url: `/api/v1/${north.slug}/tokens`, headers: bearer(admin) });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(body.token);
    const item = (listed.json() as { items: { id: string; revokedAt: string | null; createdBy: string }[] }).items.find((t) => t.id === body.id)!;
    expect(item.revokedAt).toBeNull();
    expect(item.createdBy).toContain('system:');

    const revoked = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/tokens/${body.id}/revoke`, headers: bearer(admin) });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ id: body.id, revokedAt: radhus.clock.now().toISOString() });
    const again = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/tokens/${body.id}/revoke`, headers: bearer(admin) });
    expect(again.statusCode).toBe(404);
  });

  it('a revoked token no longer authenticates', async () => {
    const created = (await create(north, admin, { role: 'system' })).json() as { id: string; token: string };
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/case-files`, headers: bearer(created.token) })).statusCode).toBe(200);
    await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/tokens/${created.id}/revoke`, headers: bearer(admin) });
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/case-files`, headers: bearer(created.token) })).statusCode).toBe(401);
  });

  it('is for tenant administrators only', async () => {
    const officer = await radhus.token(north, 'case-officer');
    expect((await create(north, officer, { role: 'system' })).statusCode).toBe(403);
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/tokens` })).statusCode).toBe(401);
  });

  it("cannot see or revoke another municipality's tokens", async () => {
    expect((await create(south, admin, { role: 'system' })).statusCode).toBe(401);
    const southAdmin = await radhus.token(south, 'tenant-admin');
    const theirs = (await create(south, southAdmin, { role: 'system' })).json() as { id: string };
    const listed = (await radhus.app.inject({ url: `/api/v1/${north.slug}/tokens`, headers: bearer(admin) })).json() as { items: { id: string }[] };
    expect(listed.items.map((t) => t.id)).not.toContain(theirs.id);
    const revoke = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/tokens/${theirs.id}/revoke`, headers: bearer(admin) });
    expect(revoke.statusCode).toBe(404);
  });

  it('names every wrong field and writes nothing', async () => {
    const before = ((await radhus.app.inject({ url: `/api/v1/${north.slug}/tokens`, headers: bearer(admin) })).json() as { items: unknown[] }).items.length;
    const bad = await create(north, admin, { role: 'king', name: '', colour: 'red' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = (bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['role', 'name', 'colour']));
    const badId = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/tokens/not-a-uuid/revoke`, headers: bearer(admin) });
    expect(badId.statusCode).toBe(400);
    const after = ((await radhus.app.inject({ url: `/api/v1/${north.slug}/tokens`, headers: bearer(admin) })).json() as { items: unknown[] }).items.length;
    expect(after).toBe(before);
  });

  it('lets a tenant administrator create only system tokens: no archivist token to read the archive it has no role for', async () => {
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/case-files`, headers: bearer(admin) })).statusCode).toBe(403);
    const before = ((await radhus.app.inject({ url: `/api/v1/${north.slug}/tokens`, headers: bearer(admin) })).json() as { items: unknown[] }).items.length;
    for (const role of ['archivist', 'case-officer', 'tenant-admin', 'citizen', 'politician']) {
      const refused = await create(north, admin, { role, name: 'Back door' });
      expect(refused.statusCode, role).toBe(403);
      expect((refused.json() as { errors: { field: string; code: string }[] }).errors).toEqual([expect.objectContaining({ field: 'role', code: 'notAllowed' })]);
    }
    const after = ((await radhus.app.inject({ url: `/api/v1/${north.slug}/tokens`, headers: bearer(admin) })).json() as { items: unknown[] }).items.length;
    expect(after).toBe(before);
  });

  it('gives a token an expiry: listed with it, refused with 401 from then on', async () => {
    const now = radhus.clock.now();
    const expiresAt = new Date(now.getTime() + 3600_000).toISOString();
    const created = await create(north, admin, { role: 'system', name: 'Temporary', expiresAt });
    expect(created.statusCode).toBe(201);
    const body = created.json() as { id: string; token: string; expiresAt: string };
    expect(body.expiresAt).toBe(expiresAt);
    const listed = (await radhus.app.inject({ url: `/api/v1/${north.slug}/tokens`, headers: bearer(admin) })).json() as { items: { id: string; expiresAt: string | null }[] };
    expect(listed.items.find((t) => t.id === body.id)!.expiresAt).toBe(expiresAt);
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/case-files`, headers: bearer(body.token) })).statusCode).toBe(200);
    radhus.clock.set(new Date(now.getTime() + 3600_000));
    try {
      expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/case-files`, headers: bearer(body.token) })).statusCode).toBe(401);
    } finally {
      radhus.clock.set(now);
    }
    const past = await create(north, admin, { role: 'system', expiresAt: new Date(now.getTime() - 1000).toISOString() });
    expect(past.statusCode).toBe(400);
    expect((past.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['expiresAt']);
  });

  it('documents its operations in OpenAPI', async () => {
    const spec = (await radhus.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = Object.values(spec.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ids).toEqual(expect.arrayContaining(['createToken', 'listTokens', 'revokeToken', 'getSession', 'logout']));
  });
});
