// SPDX-License-Identifier: EUPL-1.2
// The demo provider logs anyone in as anyone: production must refuse it unless asked by name, and
// without it nothing of it is served.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { createTestRadhus } from '../test-support/app.ts';

describe('demo identity provider configuration', () => {
  it('is on in development and refused in production unless RADHUS_DEMO_IDP=true', () => {
    expect(loadConfig({}).demoIdp).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/identity provider/);
    expect(() => loadConfig({ NODE_ENV: 'production', RADHUS_DEMO_IDP: 'false' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', RADHUS_DEMO_IDP: 'true' }).demoIdp).toBe(true);
    const real = loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_ID: 'radhus', OIDC_CLIENT_SECRET: 's' });
    expect(real.demoIdp).toBe(false);
    expect(real.oidc?.issuer).toBe('https://idporten.no');
  });

  it('is not served when turned off, and login says no provider is configured', async () => {
    const radhus = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
    try {
      expect((await radhus.app.inject({ url: '/demo-idp/.well-known/openid-configuration' })).statusCode).toBe(404);
      const login = await radhus.app.inject({ url: '/auth/login' });
      expect(login.statusCode).toBe(503);
      expect(login.json()).toMatchObject({ detail: expect.stringContaining('OIDC_ISSUER') });
      expect((await radhus.app.inject({ url: '/api/v1/session' })).json()).toEqual({ user: null, csrfToken: null, tenants: [] });
    } finally {
      await radhus.close();
    }
  });
});
