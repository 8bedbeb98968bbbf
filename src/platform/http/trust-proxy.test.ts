// SPDX-License-Identifier: EUPL-1.2
// X-Forwarded-* is believed only from a proxy named in TRUST_PROXY (off by default): otherwise any
// caller could claim another address (rate limits, logs) or https.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { systemClock } from '../clock.ts';
import type { AppContext } from '../context.ts';
import { buildApp } from './app.ts';

/** The platform's app alone (no modules, no database needed), as the given settings build it. */
async function seen(env: NodeJS.ProcessEnv, remoteAddress: string): Promise<{ ip: string; protocol: string; host: string }> {
  const ctx = { config: loadConfig({ NODE_ENV: 'test', ...env }), clock: systemClock, modules: [] } as unknown as AppContext;
  const app = await buildApp(ctx, { logger: false });
  try {
    let result = { ip: '', protocol: '', host: '' };
    app.addHook('onRequest', async (request) => {
      result = { ip: request.ip, protocol: request.protocol, host: request.host };
    });
    await app.inject({ method: 'GET', url: '/api/openapi.json', remoteAddress, headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' } });
    return result;
  } finally {
    await app.close();
  }
}

describe('TRUST_PROXY', () => {
  it('is off by default: forwarded headers are ignored', async () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(await seen({}, '198.51.100.7')).toMatchObject({ ip: '198.51.100.7', protocol: 'http' });
  });

  it('believes the headers from a listed proxy address only', async () => {
    expect(await seen({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }, '10.1.2.3')).toMatchObject({ ip: '203.0.113.9', protocol: 'https', host: 'evil.example' });
    expect(await seen({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }, '198.51.100.7')).toMatchObject({ ip: '198.51.100.7', protocol: 'http' });
  });

  it('accepts true/false, a hop count or a list, and names the variable otherwise', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1 , ::1 ,10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '::1', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
