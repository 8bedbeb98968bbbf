// SPDX-License-Identifier: EUPL-1.2
// Our own extraction is the first package the import must take: the demo municipality's export passes
// every import check for an empty municipality with nothing left unmapped, and is refused by the
// municipality it came from (its series are there already). Nothing is written either way.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeSeries, closeSeriesPeriod } from '../../archive/service.ts';
import { seedDemo } from '../../demo/seed.ts';
import { withoutTenant, withTenant } from '../../platform/db/transaction.ts';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { findTenantBySlug, type Tenant } from '../../tenants/service.ts';
import { exportNoark5 } from '../export/package.ts';
import { progress } from '../export/progress.ts';
import { checkImport } from './import.ts';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) console.error('SKIPPED src/deposit/import/demo-package.test.ts: xmllint is not installed (apt-get install libxml2-utils)');

describe.skipIf(!hasXmllint)('import noark5 on the demo municipality\'s own extraction', { timeout: 240_000 }, () => {
  let radhus: TestRadhus;
  let demo: Tenant;
  let out: string;

  beforeAll(async () => {
    radhus = await createTestRadhus();
    await seedDemo(radhus.ctx);
    demo = (await withoutTenant(radhus.ctx.db, (tx) => findTenantBySlug(tx, 'balsfjord')))!;
    // The closed period alone: with --series all the successor repeats the classification system and
    // its classes under the same systemIDs (N5.47 fails; reported to the lead as an export matter).
    const closed = await withTenant(radhus.ctx.db, { tenantId: demo.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => {
      const series = (await activeSeries(tx))!;
      await closeSeriesPeriod(tx, { tenantId: demo.id, actor: 'user:test:Arkivar', at: radhus.ctx.clock.now() }, series.id, { separation: 'sharp' });
      return series.id;
    });
    out = await mkdtemp(join(tmpdir(), 'radhus-import-demo-'));
    await exportNoark5(radhus.ctx, { tenant: demo, series: closed, out, actor: 'cli:test', progress: progress(() => {}), warn: () => {}, soffice: null });
  }, 240_000);
  afterAll(async () => {
    await radhus?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('is accepted for an empty municipality, with every element and unit mapped', async () => {
    const empty = await radhus.tenant({ slug: 'tomby' });
    const checked = await checkImport(out, { ctx: radhus.ctx, tenant: empty });
    expect(checked.report.checks.filter((c) => c.status === 'failed' || c.status === 'not-run').map((c) => [c.id, c.findings.slice(0, 2), c.facts.slice(0, 2)])).toEqual([]);
    expect(checked.plan?.errors).toEqual([]);
    expect(checked.plan?.unmapped).toEqual([]);
    expect(checked.status).toBe('accepted');
    expect(checked.plan!.version).toBe('5.5');
    expect(checked.plan!.counts.mappe).toBeGreaterThan(0);
    expect(checked.plan!.counts.registrering).toBeGreaterThan(0);
  });

  it('is refused by the municipality it came from, naming each series already there', async () => {
    const checked = await checkImport(out, { ctx: radhus.ctx, tenant: demo });
    expect(checked.status).toBe('refused');
    expect(checked.plan!.errors.length).toBe(checked.plan!.seriesSystemIds.length);
    expect(checked.plan!.errors.every((e) => e.message === 'alreadyLoaded' && e.element === 'arkivdel')).toBe(true);
  });
});
