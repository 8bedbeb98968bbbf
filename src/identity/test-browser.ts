// SPDX-License-Identifier: EUPL-1.2
// A very small browser for tests that must speak real HTTP (OpenID Connect needs it): a cookie jar
// that honours paths and expiry, and redirects followed one by one so each step can be asserted.
import { createServer } from 'node:net';

interface StoredCookie {
  value: string;
  path: string;
}

export class TestBrowser {
  readonly cookies = new Map<string, StoredCookie>();

  constructor(readonly origin: string) {}

  cookieHeader(url: URL): string {
    return [...this.cookies]
      .filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  private remember(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key, val = ''] = attribute.split('=');
        if (key!.toLowerCase() === 'path') path = val;
        if (key!.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
        if (key!.toLowerCase() === 'expires' && new Date(val).getTime() < Date.now()) expired = true;
      }
      const key = `${name}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }

  /** One request, no redirect following. */
  async request(method: string, target: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const url = new URL(target, this.origin);
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    const send = () => fetch(url, { method, headers, body: init.body, redirect: 'manual' });
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      // Like a browser: a GET that met a kept-alive connection the server had already closed
      // (a restart) is sent once more on a new connection.
      if (method !== 'GET' || !isStaleConnection(error)) throw error;
      response = await send();
    }
    this.remember(url, response);
    return response;
  }

  get(target: string, headers?: Record<string, string>): Promise<Response> {
    return this.request('GET', target, { headers });
  }

  postForm(target: string, fields: Record<string, string>): Promise<Response> {
    return this.request('POST', target, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  }

  postJson(target: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('POST', target, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  }

  /** Follows redirects with GET until a non-redirect answer; returns it and the URLs passed. */
  async follow(response: Response, from: string): Promise<{ response: Response; url: string; trail: string[] }> {
    let url = new URL(from, this.origin).href;
    const trail: string[] = [];
    while (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      trail.push(url);
      response = await this.get(url);
      if (trail.length > 10) throw new Error(`too many redirects: ${trail.join(' → ')}`);
    }
    return { response, url, trail };
  }
}

/** A port that was free a moment ago: the app needs its public URL before it can listen. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface DemoLogin {
  /** The demo provider's login page, as served. */
  loginPage: string;
  /** Where the browser ended up after the callback. */
  landedOn: string;
  /** The callback's answer (a redirect when all went well). */
  callback: Response;
}

/**
 * Logs in through /auth/login and the demo provider's page by choosing `account` there, the way a
 * person does in a browser. `query` is passed to /auth/login (tenant, returnTo, lang).
 */
export async function loginWithDemoProvider(browser: TestBrowser, account: string, query: Record<string, string> = {}): Promise<DemoLogin> {
  const start = `/auth/login?${new URLSearchParams(query)}`;
  const toProvider = await browser.get(start);
  if (toProvider.status !== 302) throw new Error(`/auth/login answered ${toProvider.status}: ${await toProvider.text()}`);
  const atPage = await browser.follow(toProvider, start);
  const loginPage = await atPage.response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(loginPage)?.[1];
  if (!action) throw new Error(`no login form at ${atPage.url}: ${loginPage.slice(0, 500)}`);
  const chosen = await browser.postForm(action.replace(/&amp;/g, '&'), { account });
  if (chosen.status !== 303) throw new Error(`choosing ${account} answered ${chosen.status}: ${await chosen.text()}`);
  // Follow the provider's redirects until the browser is sent to our callback, and stop there.
  let response = chosen;
  let url = new URL(action, browser.origin).href;
  for (let i = 0; i < 5; i++) {
    url = new URL(response.headers.get('location')!, url).href;
    response = await browser.get(url);
    if (new URL(url).pathname === '/auth/callback') break;
    if (response.status < 300 || response.status >= 400) throw new Error(`login stopped at ${url} with ${response.status}: ${await response.text()}`);
  }
  const location = response.headers.get('location');
  return { loginPage, landedOn: location ? new URL(location, url).href : url, callback: response };
}

function isStaleConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'UND_ERR_CLOSED' || code === 'EPIPE';
}
