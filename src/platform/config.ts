// SPDX-License-Identifier: EUPL-1.2
// All configuration comes from the environment, read once here so every knob is documented in one
// place (docs/operations.md lists them for the IT department).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRoleMap, type RoleMap } from './role-map.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… switches from embedded PGlite to a PostgreSQL server. */
  databaseUrl: string | undefined;
  /** Public base URL, used for OIDC redirect URIs. */
  publicUrl: string;
  production: boolean;
  /** Run the built-in demo identity provider (oidc-provider) at /demo-idp. */
  demoIdp: boolean;
  oidc: OidcConfig | undefined;
  /** Secret for signing cookies; generated and kept in DATA_DIR when not given. */
  sessionSecret: string | undefined;
  /** Seed the demo municipalities into an empty database at start. */
  seedDemo: boolean;
  logLevel: string;
}

export class ConfigError extends Error {}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** OIDC_ROLES_CLAIM: the claim holding groups or roles, a dotted path for nested ones (default `roles`). */
  rolesClaim: string;
  /** OIDC_ROLE_MAP or OIDC_ROLE_MAP_FILE: claim value → roles per municipality. */
  roleMap: RoleMap;
  /** OIDC_TRUST_EMAIL=true: treat the provider's e-mail claim as verified even without email_verified. */
  trustEmail: boolean;
  /** OIDC_SCOPES: what to ask for (default `openid profile`; add `email` where the provider offers it). */
  scopes: string;
}

function readOidc(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  const clientId = env.OIDC_CLIENT_ID ?? '';
  if (!clientId) throw new ConfigError('OIDC_ISSUER is set, so OIDC_CLIENT_ID must be set too');
  const rolesClaim = env.OIDC_ROLES_CLAIM?.trim() || 'roles';
  if (env.OIDC_ROLE_MAP && env.OIDC_ROLE_MAP_FILE) throw new ConfigError('set OIDC_ROLE_MAP or OIDC_ROLE_MAP_FILE, not both');
  let source = env.OIDC_ROLE_MAP ?? '';
  let name = 'OIDC_ROLE_MAP';
  if (env.OIDC_ROLE_MAP_FILE) {
    name = `OIDC_ROLE_MAP_FILE (${env.OIDC_ROLE_MAP_FILE})`;
    try {
      source = readFileSync(env.OIDC_ROLE_MAP_FILE, 'utf8');
    } catch (error) {
      throw new ConfigError(`${name} cannot be read: ${(error as Error).message}`);
    }
  }
  const { map, problems } = parseRoleMap(source);
  if (problems.length) throw new ConfigError(`${name} ${problems.length === 1 ? 'has a problem' : 'has problems'}: ${problems.join('; ')}`);
  const trustEmail = env.OIDC_TRUST_EMAIL === 'true' || env.OIDC_TRUST_EMAIL === '1';
  const scopes = env.OIDC_SCOPES?.trim() || 'openid profile';
  if (!scopes.split(/\s+/).includes('openid')) throw new ConfigError(`OIDC_SCOPES must include openid, got "${scopes}"`);
  return { issuer: env.OIDC_ISSUER, clientId, clientSecret: env.OIDC_CLIENT_SECRET, rolesClaim, roleMap: map, trustEmail, scopes };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const production = env.NODE_ENV === 'production';
  const host = env.HOST ?? '0.0.0.0';
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const oidc = readOidc(env);
  // The demo provider logs anyone in as anyone: off in production unless asked for by name.
  const demoIdpSetting = env.RADHUS_DEMO_IDP;
  const demoIdp = demoIdpSetting === undefined ? !production && !oidc : demoIdpSetting === 'true' || demoIdpSetting === '1';
  if (production && !oidc && !demoIdp) {
    throw new ConfigError(
      'NODE_ENV=production needs an identity provider: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET ' +
        '(the demo provider, which lets anyone log in as anyone, runs in production only with RADHUS_DEMO_IDP=true)',
    );
  }
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl,
    publicUrl,
    production,
    demoIdp,
    oidc,
    sessionSecret: env.SESSION_SECRET,
    seedDemo: env.RADHUS_SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
  };
}
