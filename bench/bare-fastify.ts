// SPDX-License-Identifier: EUPL-1.2
// HTTP overhead alone: a Fastify with one route that parses the same JSON body and answers 201
// with a small JSON object — no database, no hooks, no validation.
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { newId } from '../src/platform/ids.ts';

export async function startBareFastify(): Promise<{ url: string; app: FastifyInstance }> {
  const app = Fastify({ logger: false });
  let sequence = 0;
  app.post('/echo', async (request, reply) => {
    const body = request.body as { title?: string };
    sequence += 1;
    return reply.status(201).send({ id: newId(), registryNumber: `2026/${sequence}`, title: body.title ?? '' });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, app };
}
