// SPDX-License-Identifier: EUPL-1.2
// The identity module: login for people (OpenID Connect, with the built-in demo provider when
// configured), sessions, and bearer-token administration for municipalities.
import type { Module } from '../platform/http/app.ts';
import { identityProviderSettings, OidcLogin } from './oidc-login.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { registerTokenRoutes } from './token-routes.ts';
import { registerStaffRoutes } from './staff-routes.ts';

export const identityModule: Module = {
  name: 'identity',
  async register(app, ctx) {
    if (ctx.config.demoIdp) {
      // Loaded only when wanted: production with a real provider never runs oidc-provider's code.
      const { mountDemoProvider } = await import('./demo-provider.ts');
      await mountDemoProvider(app, ctx);
    }
    const settings = await identityProviderSettings(ctx);
    const login = settings ? new OidcLogin(settings, `${ctx.config.publicUrl}/auth/callback`) : undefined;
    registerAuthRoutes(app, ctx, login);
    registerTokenRoutes(app, ctx);
    registerStaffRoutes(app, ctx);
  },
};
