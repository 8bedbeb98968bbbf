// SPDX-License-Identifier: EUPL-1.2
// A thin HTTP client for the archive API over a real socket (fetch), used by the crash test (the
// benchmark has its own lighter keep-alive client, bench/http.ts). It returns status and body as
// they came, so callers judge every answer themselves.
import { createHash } from 'node:crypto';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface Correspondent {
  name: string;
  kind: 'person' | 'organisation';
  role: 'sender' | 'recipient' | 'copy';
}

export class ArchiveClient {
  constructor(
    readonly baseUrl: string,
    readonly tenant: string,
    private readonly token: string,
  ) {}

  private url(path: string): string {
    return `${this.baseUrl}/api/v1/${this.tenant}${path}`;
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const response = await fetch(this.url(path), {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await bodyOf<T>(response) };
  }

  createCaseFile(title: string) {
    return this.json<{ id: string; caseNumber: string; caseSequence: number; title: string }>('POST', '/case-files', { title });
  }

  getCaseFile(id: string) {
    return this.json<{ id: string; caseNumber: string; title: string; registryEntries: { id: string; registryNumber: string }[] }>('GET', `/case-files/${id}`);
  }

  listCaseFiles(query: { limit?: number; cursor?: string } = {}) {
    const params = new URLSearchParams();
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.cursor !== undefined) params.set('cursor', query.cursor);
    return this.json<{ items: { id: string; caseNumber: string; title: string }[]; nextCursor: string | null }>('GET', `/case-files?${params}`);
  }

  createRegistryEntry(caseFileId: string, entry: { type: 'incoming' | 'outgoing'; title: string; correspondents: Correspondent[] }) {
    return this.json<{ id: string; registryNumber: string; title: string; correspondents: { name: string }[] }>('POST', `/case-files/${caseFileId}/registry-entries`, entry);
  }

  getRegistryEntry(id: string) {
    return this.json<{ id: string; registryNumber: string; title: string; correspondents: { name: string }[] }>('GET', `/registry-entries/${id}`);
  }

  async uploadDocument(entryId: string, file: { name: string; type: string; content: Buffer }): Promise<Answer<{ id: string; checksum: string; size: number }>> {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    const response = await fetch(this.url(`/registry-entries/${entryId}/documents`), { method: 'POST', headers: { authorization: `Bearer ${this.token}` }, body: form });
    return { status: response.status, body: await bodyOf(response) };
  }

  async downloadDocument(id: string): Promise<{ status: number; bytes: Buffer }> {
    const response = await fetch(this.url(`/documents/${id}/content`), { headers: { authorization: `Bearer ${this.token}` } });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  }
}

async function bodyOf<T>(response: Response): Promise<T> {
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** "2026/17" → 17 */
export const sequenceOf = (number: string): number => Number(number.split('/')[1]);
