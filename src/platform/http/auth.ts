// SPDX-License-Identifier: EUPL-1.2
// The shapes that authentication produces and routes consume. Who may log in and how is the
// identity module's business; this file only names the result so that platform does not depend on it.
import { languages, type Language } from '../../common/languages.ts';
import type { OpenTenantTransaction } from '../db/transaction.ts';
import { roles, type Role } from '../../common/roles.ts';

/** The roles (src/common/roles.ts), re-exported where routes and authentication look for them. */
export { roles, type Role };

/** The UI languages: bokmål, nynorsk, Swedish, English (src/common/languages.ts). */
export { languages, type Language };

/** The JSON schema of a language code, for TypeBox schemas. */
export const languageSchema = { type: 'string', enum: [...languages] } as const;

export interface Principal {
  kind: 'user' | 'system';
  /** users.id or api_tokens.id */
  id: string;
  name: string;
  /** Roles held in the tenant of this request. */
  roles: Role[];
  /** Set for cookie sessions: unsafe methods must echo it (CSRF). */
  csrfToken?: string;
  /**
   * For cookie sessions: when the person authenticated at the identity provider (each login makes
   * a new session) and at which assurance level its `acr` claim said, if any. Signing asks for both.
   */
  login?: { at: Date; level: 'substantial' | 'high' | undefined };
}

export interface TenantRef {
  id: string;
  slug: string;
  name: string;
  country: 'NO' | 'SE';
  language: Language;
  officialNumber: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    tenant: TenantRef | undefined;
    principal: Principal | undefined;
    /**
     * The tenant transaction in which a bearer token was checked, left open for the route's work
     * when the route asks for it (config.workInAuthTransaction); finished by the route or, if it
     * never takes it, when the response is sent.
     */
    openTransaction: OpenTenantTransaction | undefined;
  }
  interface FastifyContextConfig {
    /**
     * Who may call the route: the roles allowed, or `access: 'public'` for anyone. Every route
     * declares exactly one of the two; the server refuses to start otherwise (platform/http/app.ts),
     * so a forgotten `roles` can never silently make a route public.
     */
    roles?: readonly Role[];
    /** 'operator': not for people's roles; the route checks the caller itself (/metrics: loopback or METRICS_TOKEN). */
    access?: 'public' | 'operator';
    /** false: nobody's identity is looked up (static files, health, the demo provider's own endpoints). */
    authentication?: boolean;
    /**
     * true: the route's first database work takes over the transaction in which the bearer token
     * was checked (one transaction per request instead of two). Only for routes whose first
     * database access is that tenant transaction: on PGlite any other one would wait for it forever.
     */
    workInAuthTransaction?: boolean;
  }
}
