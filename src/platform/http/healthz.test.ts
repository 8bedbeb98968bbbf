// SPDX-License-Identifier: EUPL-1.2
// /healthz is what a load balancer asks: 200 only while the database answers.
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createTestRadhus } from '../../test-support/app.ts';

describe('GET /healthz', () => {
  it('answers 200 while the database is usable and 503 once it is not', async () => {
    const radhus = await createTestRadhus();
    try {
      const ok = await radhus.app.inject({ method: 'GET', url: '/healthz' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'ok', engine: radhus.ctx.db.engine });

      await radhus.ctx.db.close();
      const down = await radhus.app.inject({ method: 'GET', url: '/healthz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'unavailable' });
      // Anonymous callers learn nothing of the database's error: it goes to the log.
      expect(down.body).not.toMatch(/closed|PGlite|pool|error/i);
    } finally {
      await radhus.app.close();
      await rm(radhus.config.dataDir, { recursive: true, force: true });
    }
  });
});
