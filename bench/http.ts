// SPDX-License-Identifier: EUPL-1.2
// A keep-alive HTTP/1.1 client on node:http: light enough that the client's own cost stays small
// next to the server's, and the same for the API and the bare Fastify route.
import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

export class HttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
    sockets = 16,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  send(method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}${path}`,
        {
          method,
          agent: this.agent,
          headers: { ...this.headers, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Sends and insists on one status; returns the parsed JSON body. */
  async expect<T = Record<string, unknown>>(status: number, method: string, path: string, json?: unknown, headers?: Record<string, string>): Promise<T> {
    const answer = await this.send(method, path, json, headers);
    if (answer.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${answer.status} ${answer.body.slice(0, 300)}`);
    return JSON.parse(answer.body) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}
