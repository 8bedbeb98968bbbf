// SPDX-License-Identifier: EUPL-1.2
// The shapes that authentication produces and routes consume. Who may log in and how is the
// identity module's business; this file only names the result so that platform does not depend on it.
import { languages, type Language } from '../../common/languages.ts';
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
  }
  interface FastifyContextConfig {
    /** Roles allowed on a tenant route; absent means public. */
    roles?: readonly Role[];
    /** false: nobody's identity is looked up (static files, health, the demo provider's own endpoints). */
    authentication?: boolean;
  }
}
