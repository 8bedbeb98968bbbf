// SPDX-License-Identifier: EUPL-1.2
// The reverse-proxy recipe of docs/operations.md, run as written: Debian's nginx on loopback with a
// self-signed certificate in front of a real server. If the recipe stops working, this fails.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../durability/api-client.ts';
import { startServer, type ServerProcess } from '../../durability/server-process.ts';
import { prepareDataDir, testConfig } from '../../durability/tenant-setup.ts';
import { freshDatabaseUrl } from '../../test-support/app.ts';
import { multipartBody } from '../../test-support/multipart.ts';

const NGINX = '/usr/sbin/nginx';
const docs = fileURLToPath(new URL('../../../docs/operations.md', import.meta.url));

/** The block between the markers in docs/operations.md. */
function nginxRecipe(): string {
  const text = readFileSync(docs, 'utf8');
  const match = /<!-- nginx-recipe:start -->\s*```nginx\n([\s\S]*?)```\s*<!-- nginx-recipe:end -->/.exec(text);
  if (!match) throw new Error('docs/operations.md has no nginx recipe between the markers');
  return match[1]!;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function nginxVersion(): [number, number] {
  // nginx -v writes its version to stderr.
  const text = execFileSync('sh', ['-c', `${NGINX} -v 2>&1`], { encoding: 'utf8' });
  const m = /nginx\/(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function https(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: 'radhus.example.kommune.no', ...options.headers }, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe.skipIf(!existsSync(NGINX))('the nginx recipe in docs/operations.md', { timeout: 300_000 }, () => {
  let server: ServerProcess;
  let nginx: ChildProcess;
  let httpsPort: number;
  let httpPort: number;
  let token: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'radhus-nginx-'));
    const dataDir = join(dir, 'data');
    const databaseUrl = await freshDatabaseUrl();
    ({ token } = await prepareDataDir(testConfig(dataDir, databaseUrl), 'proxyby'));
    server = await startServer({ dataDir, databaseUrl, env: { TRUST_PROXY: '127.0.0.1', PUBLIC_URL: 'https://radhus.example.kommune.no' } });
    const upstream = new URL(server.url).port;

    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=radhus.example.kommune.no', '-keyout', join(dir, 'privkey.pem'), '-out', join(dir, 'fullchain.pem')], { stdio: 'ignore' });
    [httpsPort, httpPort] = [await freePort(), await freePort()];
    let recipe = nginxRecipe()
      .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
      .replace('/etc/ssl/radhus/fullchain.pem', join(dir, 'fullchain.pem'))
      .replace('/etc/ssl/radhus/privkey.pem', join(dir, 'privkey.pem'))
      .replace('http://127.0.0.1:3000', `http://127.0.0.1:${upstream}`);
    const [major, minor] = nginxVersion();
    const modern = major > 1 || (major === 1 && minor >= 25);
    recipe = modern ? recipe.replace('listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`) : recipe.replace('listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl http2;`).replace(/^\s*http2 on;\n/m, '');
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(join(dir, temp));
    // Only the frame is the test's: the server blocks are the operator's recipe as documented.
    const conf = `daemon off; master_process off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
${recipe}
}
`;
    await writeFile(join(dir, 'nginx.conf'), conf);
    execFileSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'pipe' });
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if ((await https(httpsPort, '/healthz').catch(() => undefined))?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    await server?.stop();
  });

  it('serves Rådhus over TLS and sends plain HTTP to https', async () => {
    const health = await https(httpsPort, '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'ok' });
    const plain = await fetch(`http://127.0.0.1:${httpPort}/healthz`, { redirect: 'manual' });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toBe('https://127.0.0.1/healthz');
  });

  it('passes a large upload through to the archive intact', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await https(httpsPort, '/api/v1/proxyby/case-files', { method: 'POST', headers, body: Buffer.from(JSON.stringify({ title: 'Sak bak proxy' })) });
    expect(created.status).toBe(201);
    const caseId = JSON.parse(created.body.toString()).id as string;
    const entry = await https(httpsPort, `/api/v1/proxyby/case-files/${caseId}/registry-entries`, {
      method: 'POST',
      headers,
      body: Buffer.from(JSON.stringify({ type: 'incoming', title: 'Stort vedlegg', correspondents: [{ name: 'Avsender', kind: 'person', role: 'sender' }] })),
    });
    expect(entry.status).toBe(201);
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 1024 * 1024, 7), Buffer.from('\n%%EOF\n')]);
    const form = multipartBody({ file: { name: 'stort.pdf', type: 'application/pdf', content } });
    const uploaded = await https(httpsPort, `/api/v1/proxyby/registry-entries/${JSON.parse(entry.body.toString()).id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...form.headers },
      body: form.body,
    });
    expect(uploaded.status).toBe(201);
    expect(JSON.parse(uploaded.body.toString()).checksum).toBe(sha256(content));
  });

  it('does not open /metrics to the world through the proxy', async () => {
    expect((await https(httpsPort, '/metrics')).status).toBe(403);
    expect((await https(httpsPort, '/metrics', { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(403);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
  });
});
