// SPDX-License-Identifier: EUPL-1.2
// A real OpenID Connect provider (oidc-provider) inside the Rådhus server at /demo-idp, so the
// demo and the tests log in exactly as production does against ID-porten or Entra ID, only with a
// page that lists demo users instead of asking for a password. Its state (sessions, codes) lives
// in the database and its keys follow from the cookie secret, so any number of app servers on one
// database act as one provider, and a restart loses no login in progress.
import { createECDH, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Provider, { type OidcContext } from 'oidc-provider';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { cookieSecret } from './secret.ts';
import { SWEDISH_PIN_CLAIM } from './claims.ts';
import { DEMO_CLIENT_ID, DEMO_IDP_PATH, DEMO_SCOPES, demoClientSecret, demoIssuer } from './demo-client.ts';
import { demoMunicipalityNames, demoUsers, findDemoUser } from './demo-users.ts';
import { pickLanguage, renderErrorPage, renderLoginPage, renderNoAccountPage } from './demo-login-page.ts';
import { oidcAdapterFactory } from './oidc-adapter.ts';

/**
 * The ID token signing key, derived from the secret: every app server and every restart publishes
 * the same key, so a token signed by one verifies against the JWKS served by another. A P-256
 * private key is any number from 1 to the curve order; an HMAC output is one but about once in 2³².
 */
export function signingKey(secret: string): Record<string, unknown> {
  for (let attempt = 0; ; attempt++) {
    const d = createHmac('sha256', secret).update(`demo-idp signing key ${attempt}`).digest();
    const ecdh = createECDH('prime256v1');
    try {
      ecdh.setPrivateKey(d);
    } catch {
      continue;
    }
    const point = ecdh.getPublicKey();
    const b64 = (bytes: Buffer) => bytes.toString('base64url');
    return { kty: 'EC', crv: 'P-256', d: b64(d), x: b64(point.subarray(1, 33)), y: b64(point.subarray(33, 65)), use: 'sig', alg: 'ES256' };
  }
}

async function createProvider(ctx: AppContext, log: App['log']): Promise<Provider> {
  const secret = await cookieSecret(ctx.config);
  const publicUrl = ctx.config.publicUrl;
  const provider = new Provider(demoIssuer(publicUrl), {
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_secret: await demoClientSecret(ctx),
        client_name: 'Rådhus',
        redirect_uris: [`${publicUrl}/auth/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'ES256',
      },
    ],
    async findAccount(_ctx: unknown, sub: string) {
      const user = findDemoUser(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: () => ({
          sub: user.id,
          name: user.name,
          given_name: user.givenName,
          family_name: user.familyName,
          radhus_roles: user.roles,
          // ID-porten names the Norwegian number `pid`; Swedish providers follow the OIDC Sweden profile.
          ...(user.country === 'NO' ? { pid: user.identityNumber } : { [SWEDISH_PIN_CLAIM]: user.identityNumber }),
        }),
      };
    },
    scopes: DEMO_SCOPES.split(' '),
    claims: {
      openid: ['sub', 'pid', SWEDISH_PIN_CLAIM],
      profile: ['name', 'given_name', 'family_name'],
      radhus: ['radhus_roles'],
    },
    // Rådhus reads the claims from the ID token, as it does with ID-porten.
    conformIdTokenClaims: false,
    // The levels of ID-porten: a demo person stands for someone with BankID, so every login is high.
    acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
    cookies: { keys: [createHmac('sha256', secret).update('demo-idp cookies').digest('base64url')] },
    jwks: { keys: [signingKey(secret)] },
    adapter: oidcAdapterFactory(ctx),
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 900, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${DEMO_IDP_PATH}/interaction/${interaction.uid}` },
    // Rådhus is the only client and first-party: consent is implied, the person only picks who they are.
    async loadExistingGrant(oidcCtx: OidcContext) {
      const { oidc } = oidcCtx;
      const clientId = oidc.client!.clientId;
      const accountId = oidc.session!.accountId!;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(clientId);
      const grant = (grantId && (await oidc.provider.Grant.find(grantId))) || new oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope([...oidc.requestParamScopes].join(' '));
      grant.addOIDCClaims([...oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
    async renderError(errorCtx: OidcContext, out: Record<string, string>) {
      errorCtx.type = 'html';
      errorCtx.body = renderErrorPage(pickLanguage(errorCtx.oidc?.params?.ui_locales as string | undefined), out);
    },
  });
  // Behind a reverse proxy the scheme and host come from X-Forwarded-*, as for Fastify (trustProxy).
  provider.proxy = true;
  provider.on('server_error', (_ctx: unknown, error: Error) => log.error({ err: error }, 'demo identity provider failed'));
  return provider;
}

/** Mounts the demo provider and its login page; call only when config.demoIdp is true. */
export async function mountDemoProvider(app: App, ctx: AppContext): Promise<void> {
  const provider = await createProvider(ctx, app.log);
  const handle = provider.callback();

  // The provider reads its own request bodies: in this scope Fastify leaves the stream untouched.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.all(`${DEMO_IDP_PATH}/*`, { schema: { hide: true }, config: { authentication: false, access: 'public' } }, async (request, reply) => {
      reply.hijack();
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      // As Express would when mounting: the provider sees paths below its issuer, and works out the
      // mount path from originalUrl for the URLs it publishes.
      raw.originalUrl = raw.url;
      raw.url = raw.url!.slice(DEMO_IDP_PATH.length) || '/';
      await handle(raw, reply.raw);
    });
  });

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const params = Type.Object({ uid: Type.String({ maxLength: 100 }) });
    // Public by nature: this is where people who are not logged in yet log in.
    const routeOptions = { schema: { hide: true, params }, config: { authentication: false, access: 'public' } } as const;

    scope.get(`${DEMO_IDP_PATH}/interaction/:uid`, routeOptions, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const lang = pickLanguage(details.params.ui_locales);
      const action = `${DEMO_IDP_PATH}/interaction/${encodeURIComponent(details.uid)}`;
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      return renderLoginPage({ lang, action, users: demoUsers, municipalityNames: demoMunicipalityNames });
    });

    scope.post(`${DEMO_IDP_PATH}/interaction/:uid/login`, routeOptions, async (request, reply) => {
      const interaction = await provider.interactionDetails(request.raw, reply.raw);
      const account = (request.body as Record<string, string> | undefined)?.account;
      const user = account ? findDemoUser(account) : undefined;
      if (!user) return reply.status(400).type('text/html; charset=utf-8').send(renderNoAccountPage(pickLanguage(interaction.params.ui_locales)));
      const earlier = interaction.session;
      if (earlier?.uid && earlier.accountId && earlier.accountId !== user.id) {
        // Switching people in one browser is what a demo is for: forget the earlier person here
        // (unbinding this interaction from their session first) instead of letting the provider
        // run its logout round trip.
        const previous = await provider.Session.findByUid(earlier.uid);
        delete interaction.session;
        await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
        await previous?.destroy();
      }
      const returnTo = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: user.id, acr: 'idporten-loa-high', amr: ['BankID'] } }, { mergeWithLastSubmission: false });
      return reply.redirect(returnTo, 303);
    });

    scope.post(`${DEMO_IDP_PATH}/interaction/:uid/abort`, routeOptions, async (request, reply) => {
      const returnTo = await provider.interactionResult(request.raw, reply.raw, { error: 'access_denied', error_description: 'the person cancelled the login' }, { mergeWithLastSubmission: false });
      return reply.redirect(returnTo, 303);
    });
  });
}
