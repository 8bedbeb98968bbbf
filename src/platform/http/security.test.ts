// SPDX-License-Identifier: EUPL-1.2
// Security headers on every kind of response, limits on the login and token endpoints and on
// unknown bearer tokens (429 problem+json with Retry-After), and downloads typed from the stored
// format rather than the uploader's word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { multipartBody } from '../../test-support/multipart.ts';
import type { Tenant } from '../../tenants/tenant.ts';
import { renderErrorPage, renderLoginPage, renderNoAccountPage } from '../../identity/demo-login-page.ts';
import { demoMunicipalityNames, demoUsers } from '../../identity/demo-users.ts';

let radhus: TestRadhus;
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  radhus = await createTestRadhus({ RATE_LIMIT_AUTH_PER_MINUTE: '4', RATE_LIMIT_FAILED_TOKENS_PER_MINUTE: '3' });
  tenant = await radhus.tenant();
  token = await radhus.token(tenant, 'case-officer');
});
afterAll(() => radhus?.close());

const api = (path: string) => `/api/v1/${tenant.slug}${path}`;

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
}

describe('security headers', () => {
  it('are on API answers, problems, unknown paths and the health check; HSTS only over https', async () => {
    for (const request of [
      { method: 'GET' as const, url: '/api/v1/tenants' },
      { method: 'GET' as const, url: api('/case-files'), headers: { authorization: `Bearer ${token}` } },
      { method: 'GET' as const, url: api('/case-files') },
      { method: 'GET' as const, url: '/no/such/path' },
      { method: 'GET' as const, url: '/healthz' },
    ]) {
      const res = await radhus.app.inject(request);
      expectSecurityHeaders(res.headers);
      expect(res.headers['strict-transport-security'], 'no HSTS on http').toBeUndefined();
    }
    const secure = await createTestRadhus({ PUBLIC_URL: 'https://radhus.example.kommune.no' });
    try {
      const res = await secure.app.inject({ method: 'GET', url: '/api/v1/tenants' });
      expectSecurityHeaders(res.headers);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it("fit the demo identity provider's login page: no scripts, one inline style block, forms to this origin", async () => {
    const res = await radhus.app.inject({ method: 'GET', url: '/auth/callback' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("script-src 'self'");
    const pages = [
      renderLoginPage({ lang: 'nb', action: '/demo-idp/interaction/abc', users: demoUsers, municipalityNames: demoMunicipalityNames }),
      renderErrorPage('en', { error: 'invalid_request', error_description: 'x' }),
      renderNoAccountPage('sv'),
    ];
    for (const html of pages) {
      expect(html).not.toMatch(/<script/i);
      expect(html, 'no inline event handlers (script-src-attr none)').not.toMatch(/\son[a-z]+=/i);
      for (const [, target] of html.matchAll(/(?:action|formaction)="([^"]*)"/g)) expect(target, 'a form posts to this origin').toMatch(/^\//);
    }
  });
});

describe('rate limits', () => {
  it('answer the login endpoints with 429 problem+json and Retry-After past the limit', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 6; i++) {
      last = await radhus.app.inject({ method: 'GET', url: '/auth/callback', remoteAddress: '192.0.2.10' });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 4).every((s) => s !== 429), String(statuses)).toBe(true);
    expect(last!.statusCode).toBe(429);
    expect(last!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.json().code).toBe('tooManyRequests');
    // Another address is not affected, nor is the API behind a token.
    expect((await radhus.app.inject({ method: 'GET', url: '/auth/callback', remoteAddress: '192.0.2.11' })).statusCode).not.toBe(429);
    for (let i = 0; i < 6; i++) expect((await radhus.app.inject({ method: 'GET', url: api('/series'), headers: { authorization: `Bearer ${token}` }, remoteAddress: '192.0.2.10' })).statusCode).toBe(200);
  });

  it('refuse an address that has sent too many unknown bearer tokens', async () => {
    const from = '192.0.2.20';
    const send = (t: string) => radhus.app.inject({ method: 'GET', url: api('/series'), headers: { authorization: `Bearer ${t}` }, remoteAddress: from });
    for (let i = 0; i < 3; i++) expect((await send(`rdh_guess${i}`)).statusCode).toBe(401);
    const refused = await send('rdh_guess-again');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().code).toBe('tooManyRequests');
    // Other addresses keep working.
    expect((await radhus.app.inject({ method: 'GET', url: api('/series'), headers: { authorization: `Bearer ${token}` }, remoteAddress: '192.0.2.21' })).statusCode).toBe(200);
  });
});

describe('downloads', () => {
  const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
  async function uploadAs(type: string, name: string) {
    const t = token;
    const caseFile = (await radhus.app.inject({ method: 'POST', url: api('/case-files'), headers: { authorization: `Bearer ${t}` }, payload: { title: `Nedlasting ${name}` } })).json();
    const entry = (await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/registry-entries`), headers: { authorization: `Bearer ${t}` }, payload: { type: 'internal-without-followup', title: name } })).json();
    const form = multipartBody({ file: { name, type, content: Buffer.concat([html, Buffer.from(name)]) } });
    const uploaded = await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${entry.id}/documents`), headers: { authorization: `Bearer ${t}`, ...form.headers }, payload: form.body });
    expect(uploaded.statusCode).toBe(201);
    return radhus.app.inject({ method: 'GET', url: api(`/documents/${uploaded.json().id}/content`), headers: { authorization: `Bearer ${t}` } });
  }

  it('serve an HTML page uploaded as a PDF as bytes to save, never as text/html: the format is read from the content', async () => {
    const res = await uploadAs('application/pdf', 'page.html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain('sandbox');
  });

  it('serve a type not on the list (text/html, image/svg+xml) as bytes to save', async () => {
    for (const type of ['text/html', 'image/svg+xml', 'application/xhtml+xml']) {
      const res = await uploadAs(type, `page-${type.replace(/\W/g, '')}.html`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    }
  });
});
