// SPDX-License-Identifier: EUPL-1.2
// The load generator as a process of its own (bench/remote-load.ts starts it): its HTTP client and
// JSON parsing run on the other core instead of in the server's process, so the server's CPU per
// request and its throughput are the server's alone, as they are for a real client.
import { measure } from './harness.ts';
import { HttpClient } from './http.ts';
import type { RemoteLoad } from './remote-load.ts';

process.on('message', async (load: RemoteLoad) => {
  const client = new HttpClient(load.baseUrl, load.headers, load.concurrency);
  try {
    const op = async (i: number) => {
      const path = load.paths[i % load.paths.length]!;
      const body = load.body === undefined ? undefined : JSON.parse(load.body.replaceAll('{i}', String(i)));
      const headers = load.headerSets?.length ? load.headerSets[i % load.headerSets.length] : undefined;
      await client.expect(load.status, load.method, path, body, headers);
    };
    const result = await measure({
      name: load.name,
      total: load.total,
      concurrency: load.concurrency,
      op,
      ...(load.warmup ? { warmup: load.warmup } : {}),
      onStart: () => process.send!({ started: true }),
    });
    process.send!({ result });
  } catch (error) {
    process.send!({ error: String((error as Error)?.message ?? error) });
  } finally {
    client.close();
  }
});
