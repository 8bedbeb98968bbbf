// SPDX-License-Identifier: EUPL-1.2
// Logging people in with OpenID Connect (openid-client): the authorization code flow with PKCE,
// state and nonce, against the provider named by OIDC_ISSUER or, in the demo, the built-in one.
// What is pending between the redirect and the callback travels in a signed, short-lived cookie,
// so any app server behind a load balancer can finish a login another one started.
import * as client from 'openid-client';
import type { AppContext } from '../platform/context.ts';
import { acrValuesFor } from './claims.ts';
import { DEMO_CLIENT_ID, DEMO_SCOPES, demoClientSecret, demoIssuer } from './demo-client.ts';

export interface IdentityProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scope: string;
  /** The built-in demo provider: its `radhus_roles` claim is trusted to assign roles. */
  demo: boolean;
}

/** The provider people log in with: OIDC_ISSUER when configured, else the demo one, else none. */
export async function identityProviderSettings(ctx: AppContext): Promise<IdentityProviderSettings | undefined> {
  const { oidc, demoIdp, publicUrl } = ctx.config;
  if (oidc) return { issuer: oidc.issuer, clientId: oidc.clientId, clientSecret: oidc.clientSecret, scope: oidc.scopes, demo: false };
  if (demoIdp) return { issuer: demoIssuer(publicUrl), clientId: DEMO_CLIENT_ID, clientSecret: await demoClientSecret(ctx), scope: DEMO_SCOPES, demo: true };
  return undefined;
}

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  tenant: string | undefined;
}

/**
 * A path on this site to go back to after login, or undefined when the value could lead elsewhere
 * ("//evil.example", "/\\evil.example", "https://…", control characters): no open redirects.
 */
export function safeReturnTo(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return '/';
  if (value.length > 2000 || !value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  const base = 'http://radhus.invalid';
  const url = new URL(value, base);
  if (url.origin !== base) return undefined;
  return url.pathname + url.search + url.hash;
}

export class OidcLogin {
  #configuration: Promise<client.Configuration> | undefined;

  constructor(
    readonly settings: IdentityProviderSettings,
    readonly redirectUri: string,
  ) {}

  /** Discovery once, lazily: the provider may be this very server, listening only after start-up. */
  configuration(): Promise<client.Configuration> {
    if (!this.#configuration) {
      const { issuer, clientId, clientSecret } = this.settings;
      const insecure = issuer.startsWith('http://');
      this.#configuration = client
        .discovery(new URL(issuer), clientId, undefined, clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(), insecure ? { execute: [client.allowInsecureRequests] } : {})
        .catch((error: unknown) => {
          this.#configuration = undefined;
          throw error;
        });
    }
    return this.#configuration;
  }

  async start(input: { returnTo: string; tenant: string | undefined; uiLocales: string | undefined; level?: 'substantial' | 'high' | undefined }): Promise<{ url: string; pending: PendingLogin }> {
    const configuration = await this.configuration();
    const pending: PendingLogin = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo: input.returnTo,
      tenant: input.tenant,
    };
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri,
      scope: this.settings.scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (input.uiLocales) parameters.ui_locales = input.uiLocales;
    // The demo lets anyone be anyone: always ask who, rather than silently reusing the last choice.
    if (this.settings.demo) {
      parameters.prompt = 'login';
      // ID-porten always names the level (acr); the demo provider names it only when asked.
      parameters.acr_values = acrValuesFor('substantial');
    }
    if (input.level) {
      // A fresh login at a level (signing): the provider must authenticate the person again now,
      // whatever session it holds, at that level or higher.
      parameters.prompt = 'login';
      parameters.max_age = '0';
      parameters.acr_values = acrValuesFor(input.level);
    }
    return { url: client.buildAuthorizationUrl(configuration, parameters).href, pending };
  }

  /** Exchanges the code; returns the ID token's claims, completed from UserInfo when it lacks a name. */
  async finish(currentUrl: URL, pending: PendingLogin): Promise<{ claims: Record<string, unknown>; idToken: string | undefined }> {
    const configuration = await this.configuration();
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    let claims: Record<string, unknown> = { ...tokens.claims() };
    if (typeof claims.name !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
      claims = { ...info, ...claims };
    }
    return { claims, idToken: tokens.id_token };
  }

  /** Where to send the browser to end the provider's session too, when the provider offers it. */
  async endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<string | undefined> {
    const configuration = await this.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: this.settings.clientId };
    if (idToken) parameters.id_token_hint = idToken;
    return client.buildEndSessionUrl(configuration, parameters).href;
  }
}
