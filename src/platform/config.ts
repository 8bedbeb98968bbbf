// SPDX-License-Identifier: EUPL-1.2
// All configuration comes from the environment, read once here so every knob is documented in one
// place (docs/operations.md lists them for the IT department).
import { isIP } from 'node:net';
import { resolve } from 'node:path';

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
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | undefined;
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
}

export class ConfigError extends Error {}

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
  const oidc = env.OIDC_ISSUER
    ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID ?? '', clientSecret: env.OIDC_CLIENT_SECRET }
    : undefined;
  if (oidc && !oidc.clientId) throw new ConfigError('OIDC_ISSUER is set, so OIDC_CLIENT_ID must be set too');
  // The demo provider logs anyone in as anyone: off in production unless asked for by name.
  const demoIdpSetting = env.RADHUS_DEMO_IDP;
  const demoIdp = demoIdpSetting === undefined ? !production && !oidc : demoIdpSetting === 'true' || demoIdpSetting === '1';
  if (production && !oidc && !demoIdp) {
    throw new ConfigError(
      'NODE_ENV=production needs an identity provider: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET ' +
        '(the demo provider, which lets anyone log in as anyone, runs in production only with RADHUS_DEMO_IDP=true)',
    );
  }
  const uploadMaxBytes = Number(env.UPLOAD_MAX_BYTES ?? 100 * 1024 * 1024);
  if (!Number.isSafeInteger(uploadMaxBytes) || uploadMaxBytes < 1) throw new ConfigError(`UPLOAD_MAX_BYTES must be a whole number of bytes, got "${env.UPLOAD_MAX_BYTES}"`);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
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
    uploadMaxBytes,
    trustProxy,
  };
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
