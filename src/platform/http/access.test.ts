// SPDX-License-Identifier: EUPL-1.2
// Every route declares who may call it, or the server does not start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { buildApp, type Module } from './app.ts';
import { declaredAccess, RouteAccessError, routeAccessOf } from './access.ts';

let t: TestRadhus;
beforeAll(async () => {
  t = await createTestRadhus({ RADHUS_DEMO_IDP: 'true' });
});
afterAll(async () => t?.close());

const moduleWith = (config: Record<string, unknown> | undefined): Module => ({
  name: 'forgetful',
  async register(app) {
    app.get('/api/v1/:tenant/forgotten', { config: config as never }, async () => ({ secret: true }));
  },
});

describe('route access declarations', () => {
  it('refuses to build an app with a route that declares neither roles nor public access, naming the route', async () => {
    for (const config of [undefined, {}, { roles: [] }, { authentication: true }]) {
      const failed = buildApp({ ...t.ctx, modules: [...t.ctx.modules, moduleWith(config)] }, { logger: false });
      await expect(failed).rejects.toThrow(RouteAccessError);
      await expect(failed).rejects.toThrow(/GET \/api\/v1\/:tenant\/forgotten does not say who may call it/);
    }
  });

  it('refuses both at once, unknown access values and unknown roles', async () => {
    await expect(buildApp({ ...t.ctx, modules: [moduleWith({ roles: ['archivist'], access: 'public' })] }, { logger: false })).rejects.toThrow(/declares both/);
    expect(() => declaredAccess({ method: 'GET', url: '/x', config: { access: 'everyone' } as never })).toThrow(/the values are 'public' and 'operator'/);
    expect(() => declaredAccess({ method: 'GET', url: '/x', config: { roles: ['admin'] } as never })).toThrow(/unknown roles: admin/);
  });

  it('builds with a declared route', async () => {
    const app = await buildApp({ ...t.ctx, modules: [moduleWith({ roles: ['archivist'] })] }, { logger: false });
    expect(routeAccessOf(app)).toContainEqual({ method: 'GET', url: '/api/v1/:tenant/forgotten', access: ['archivist'] });
    await app.close();
  });

  it('every route of the running app declares its access, and the public API operations are exactly these', async () => {
    await t.app.ready();
    const declared = routeAccessOf(t.app);
    expect(declared.length).toBeGreaterThan(30);
    for (const route of declared) expect(route.access === 'public' || route.access.length > 0, `${route.method} ${route.url}`).toBe(true);

    // Every operation in the OpenAPI document is among the declared routes.
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { operationId?: string }>> };
    const publicOperations: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      for (const [method, operation] of Object.entries(methods)) {
        const route = declared.find((r) => r.url === url && r.method.split(',').includes(method.toUpperCase()));
        expect(route, `${method} ${path}`).toBeDefined();
        if (route!.access === 'public') publicOperations.push(operation.operationId!);
      }
    }
    // Adding a public API operation is a decision: it must be added here too. The public journal's
    // three (issue 7 §3) read the public projection under withPublic; access requests (§4) are
    // reached by their secret link; the day's offentligJournal.xml and the transparency statistics
    // (§3) are public values only. The service catalogue and a published form's definition (issue 9
    // §1) read public_forms under withPublic; a form of login level `none` is submitted without a
    // login (submitFormAnonymously, limited per address); the council's meetings and decisions, read from
    // their public projection (listMeetings, getMeeting, getAgendaItemDecision).
    expect(publicOperations.sort()).toEqual([
      'appealAccessRequest', 'confirmAccessRequest', 'confirmConsultationComment', 'createAccessRequest', 'downloadAccessRequestFile', 'exportPublicJournalXml', 'getAccessRequest', 'getAgendaItemDecision', 'getConsultation', 'getFormDefinition', 'getMeeting', 'getProposal', 'getPublicJournalEntry', 'getQuestion', 'getSession', 'getTenant', 'getTransparencyStatistics', 'listConsultations', 'listMeetings', 'listProposals', 'listQuestionRecipients', 'listQuestions', 'listServices', 'listTenants', 'logout', 'searchAllPublicJournals', 'searchPublicJournal', 'submitConsultationComment', 'submitFormAnonymously',
    ]);

    // Fastify's own HEAD routes carry their GET route's declaration.
    expect(declared).toContainEqual({ method: 'HEAD', url: '/api/v1/tenants', access: 'public' });
    expect(declared.find((r) => r.method === 'GET' && r.url === '/healthz')?.access).toBe('public');
    expect(declared.find((r) => r.method === 'GET' && r.url === '/metrics')?.access).toBe('operator');
  });

  it('the public tenant routes read the public view of municipalities', async () => {
    const tenant = await t.tenant({ name: 'Offentleg kommune' });
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/tenants' })).json() as { items: { slug: string }[] };
    expect(list.items.map((i) => i.slug)).toContain(tenant.slug);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ id: tenant.id, slug: tenant.slug, name: 'Offentleg kommune', officialNumber: tenant.officialNumber, country: 'NO', language: 'nb' });
  });
});
