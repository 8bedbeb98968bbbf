// SPDX-License-Identifier: EUPL-1.2
// All configuration comes from the environment, read once here so every knob is documented in one
// place (docs/operations.md lists them for the IT department).
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
  /**
   * Which reverse proxies' X-Forwarded-For/-Proto/-Host to believe (TRUST_PROXY), as Fastify takes
   * it: false (none, the default), true (any: only when nothing else can reach the port), a number
   * of hops, or a list of addresses and CIDR ranges.
   */
  trustProxy: boolean | number | string[];
  /** Largest document upload in bytes (UPLOAD_MAX_BYTES). */
  uploadMaxBytes: number;
  /** Bearer token that may read /metrics from other machines (loopback callers need none). */
  metricsToken: string | undefined;
  /**
   * Requests per minute and IP address: `auth` for the login round trip (/auth/login,
   * /auth/callback, the demo identity provider) and the token endpoints; `failedTokensPerMinute`
   * for unknown bearer tokens. 0 turns a limit off.
   */
  rateLimit: { authPerMinute: number; failedTokensPerMinute: number; anonymousFormsPerMinute: number };
  /** Outgoing mail: the SMTP server (none: mail waits, retried, until one is configured) and the sender. */
  mail: MailConfig;
  /**
   * PUBLIC_JOURNAL_COUNT_LIMIT: a public-journal search counts at most this many matches and above
   * it answers "more than" (an exact count of a common word visits every match; docs/decisions/0007).
   */
  publicJournalCountLimit: number;
}

export interface MailConfig {
  /** A nodemailer SMTP URL (smtp://user:pass@host:587, smtps://…) or host settings; undefined when not configured. */
  smtp: { url: string } | { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined } | undefined;
  /** The From address, e.g. "Rådhus <postmottak@kommune.no>". */
  from: string;
}

function perMinute(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number of requests per minute (0 turns the limit off), got "${raw}"`);
  return value;
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
  const mail = loadMailConfig(env, publicUrl);
  const uploadMaxBytes = Number(env.UPLOAD_MAX_BYTES ?? 100 * 1024 * 1024);
  if (!Number.isSafeInteger(uploadMaxBytes) || uploadMaxBytes < 1) throw new ConfigError(`UPLOAD_MAX_BYTES must be a whole number of bytes, got "${env.UPLOAD_MAX_BYTES}"`);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const publicJournalCountLimit = Number(env.PUBLIC_JOURNAL_COUNT_LIMIT || 10_000);
  if (!Number.isInteger(publicJournalCountLimit) || publicJournalCountLimit < 1 || publicJournalCountLimit > 100_000_000)
    throw new ConfigError(`PUBLIC_JOURNAL_COUNT_LIMIT must be a whole number of entries from 1 to 100000000, got "${env.PUBLIC_JOURNAL_COUNT_LIMIT}"`);
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
    metricsToken: env.METRICS_TOKEN?.trim() || undefined,
    // Test suites log in hundreds of times a minute from one address: limits there only when asked.
    rateLimit: {
      authPerMinute: perMinute(env, 'RATE_LIMIT_AUTH_PER_MINUTE', env.NODE_ENV === 'test' ? 0 : 300),
      failedTokensPerMinute: perMinute(env, 'RATE_LIMIT_FAILED_TOKENS_PER_MINUTE', env.NODE_ENV === 'test' ? 0 : 30),
      // Forms sent without a login (login level none), per client address and municipality.
      anonymousFormsPerMinute: perMinute(env, 'RATE_LIMIT_ANONYMOUS_FORMS_PER_MINUTE', env.NODE_ENV === 'test' ? 0 : 5),
    },
    mail,
    uploadMaxBytes,
    trustProxy,
    publicJournalCountLimit,
  };
}

function loadMailConfig(env: NodeJS.ProcessEnv, publicUrl: string): MailConfig {
  const url = env.SMTP_URL?.trim() || undefined;
  const host = env.SMTP_HOST?.trim() || undefined;
  if (url && host) throw new ConfigError('set either SMTP_URL or SMTP_HOST (with SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_SECURE), not both');
  if (url && !/^smtps?:\/\/[^/]/.test(url)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:password@mail.example.org:587');
  const secureSetting = env.SMTP_SECURE?.trim();
  if (secureSetting !== undefined && secureSetting !== '' && !['true', 'false', '1', '0'].includes(secureSetting))
    throw new ConfigError(`SMTP_SECURE must be true or false, got "${secureSetting}"`);
  const explicitSecure = secureSetting === 'true' || secureSetting === '1' ? true : secureSetting === 'false' || secureSetting === '0' ? false : undefined;
  const port = Number(env.SMTP_PORT ?? (explicitSecure ? 465 : 587));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`SMTP_PORT must be a port number, got "${env.SMTP_PORT}"`);
  const user = env.SMTP_USER || undefined;
  const password = env.SMTP_PASSWORD || undefined;
  if (Boolean(user) !== Boolean(password)) throw new ConfigError('SMTP_USER and SMTP_PASSWORD are set together or not at all');
  if (!host && (env.SMTP_PORT || user || secureSetting)) throw new ConfigError('SMTP_PORT, SMTP_USER, SMTP_PASSWORD and SMTP_SECURE need SMTP_HOST');
  // Port 465 speaks TLS from the first byte; 587 and 25 upgrade with STARTTLS (nodemailer does so when offered).
  const smtp = url ? { url } : host ? { host, port, secure: explicitSecure ?? port === 465, user, password } : undefined;
  const from = env.MAIL_FROM?.trim() || `Rådhus <noreply@${hostnameOf(publicUrl)}>`;
  if (!/@[^@\s>]+>?$/.test(from)) throw new ConfigError(`MAIL_FROM must be an address, e.g. "Rådhus <postmottak@kommune.no>", got "${from}"`);
  return { smtp, from };
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d{1,3}$/.test(text)) return Number(text);
  const list = text.split(',').map((a) => a.trim()).filter(Boolean);
  const bad = list.filter((a) => {
    const [address, bits, extra] = a.split('/');
    const family = isIP(address ?? '');
    if (!family || extra !== undefined) return true;
    return bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  if (bad.length || !list.length)
    throw new ConfigError(`TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges; "${bad.join(', ') || text}" is none of these`);
  return list;
}
