// SPDX-License-Identifier: EUPL-1.2
// Security headers on every response (@fastify/helmet) and request limits on the endpoints that
// anyone can call without being logged in (@fastify/rate-limit).
//
// The Content-Security-Policy fits what Rådhus serves: the staff UI is a Vite build of module
// scripts and stylesheets from this origin, with inline style attributes (React, Designsystemet);
// the demo identity provider's login page has one inline <style> block and plain forms that post to
// this origin. No page may be framed (clickjacking), and nothing loads from elsewhere.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { TooManyRequests } from './problem.ts';

/** The paths limited per address: the login round trip, the demo identity provider, token administration. */
export const isRateLimitedPath = (url: string): boolean => /^\/(auth|demo-idp)\//.test(url) || /^\/api\/v1\/[^/?]+\/tokens(\/|\?|$)/.test(url);

export async function registerSecurity(app: FastifyInstance<any, any, any, any, any>, config: Config): Promise<void> {
  const https = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The workspace's service worker, /app/sw.js (web/src/workspace/sw.js): this origin only.
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only over https: on plain http (a laptop demo) it would send the browser to a port nobody serves.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS pins the browser to https for a year: only when the public address is https.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });

  const max = config.rateLimit.authPerMinute;
  if (max > 0) {
    await app.register(rateLimit, {
      global: true,
      max,
      timeWindow: 60_000,
      // Only the unauthenticated entry points count; the API behind a token or session is not limited here.
      allowList: (request) => !isRateLimitedPath(request.url),
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) =>
        new TooManyRequests(`too many requests to the login and token endpoints from this address (at most ${context.max} a minute); try again in ${context.after}`, Math.max(1, Math.ceil(context.ttl / 1000))),
    });
  }
}
