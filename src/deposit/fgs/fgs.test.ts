// SPDX-License-Identifier: EUPL-1.2
// The FGS package of the Swedish demo municipality: METS.xml validates against METS + the CSIP and
// SIP extension schemas (xmllint with the E-ARK catalog), ERMS.xml against ERMS.xsd, the ERMS
// Schematron rules hold (each rule's context and assert evaluated as XPath 1.0 by xmllint: the
// 2.1.2 rules use nothing beyond XPath 1.0), and every checksum in METS matches the bytes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { seedDemo } from '../../demo/seed.ts';
import { withoutTenant } from '../../platform/db/transaction.ts';
import { findTenantBySlug, type Tenant } from '../../tenants/service.ts';
import { progress } from '../export/progress.ts';
import { exportFgsCommand } from '../../cli/commands/export-fgs.ts';
import { noModules } from '../../platform/open-context.ts';
import { captureOutput } from '../../cli/io.ts';
import { earkDir, exportFgs, fgsSchemas, type FgsResult } from './package.ts';

const SLOW = 240_000;
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasXmllint) console.error('\n*** xmllint is not installed: the FGS schema validation is SKIPPED. Install libxml2-utils. ***\n');

function xmllint(args: string[]): { ok: boolean; output: string } {
  try {
    const output = execFileSync('xmllint', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XML_CATALOG_FILES: join(earkDir, 'catalog.xml') } });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.slice(0, 4000) };
  }
}

/** The rules of erms.sch as (context, test) pairs; failures: elements matching context where test is false. */
async function schematronFailures(file: string): Promise<string[]> {
  const sch = await readFile(join(earkDir, 'cits-erms/erms.sch'), 'utf8');
  const rules = [...sch.matchAll(/<rule context="([^"]+)">\s*<assert test="([^"]+)"/g)].map((m) => ({ context: m[1]!.replace(/&apos;/g, "'"), test: m[2]!.replace(/&apos;/g, "'") }));
  expect(rules.length).toBe(9);
  const failures: string[] = [];
  for (const r of rules) {
    const result = xmllint(['--nonet', '--xpath', `count(//${r.context}[not(${r.test})])`, file]);
    expect(result.ok, result.output).toBe(true);
    if (Number(result.output.trim()) !== 0) failures.push(`${r.context}: ${r.test}`);
  }
  return failures;
}

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

describe('radhus export fgs', () => {
  let radhus: TestRadhus;
  let tenant: Tenant;
  let out: string;
  let result: FgsResult;

  beforeAll(async () => {
    radhus = await createTestRadhus();
    await seedDemo(radhus.ctx);
    tenant = (await withoutTenant(radhus.ctx.db, (tx) => findTenantBySlug(tx, 'aneby')))!;
    out = await mkdtemp(join(tmpdir(), 'radhus-fgs-'));
    result = await exportFgs(radhus.ctx, { tenant, series: 'all', out, actor: 'cli:test', progress: progress(() => {}), warn: () => {}, batchSize: 7 });
  }, SLOW);
  afterAll(async () => {
    await radhus?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('lays the package out as CSIP: METS.xml, metadata/descriptive, representations/rep1/data, schemas', async () => {
    expect((await readdir(out)).sort()).toEqual(['METS.xml', 'metadata', 'representations', 'schemas']);
    expect(await readdir(join(out, 'metadata/descriptive'))).toEqual(['ERMS.xml']);
    expect((await readdir(join(out, 'schemas'))).sort()).toEqual(Object.keys(fgsSchemas).sort());
    expect(result.counts.caseFiles).toBeGreaterThan(0);
    expect(result.counts.records).toBeGreaterThan(0);
    expect(result.counts.packageFiles).toBeGreaterThan(0);
    expect((await readdir(join(out, 'representations/rep1/data'))).length).toBe(result.counts.packageFiles);
  });

  it.skipIf(!hasXmllint)('METS.xml validates against METS + CSIP + SIP 2.1.0', () => {
    const r = xmllint(['--noout', '--nonet', '--schema', join(earkDir, 'eark-mets-validation-2.1.0.xsd'), join(out, 'METS.xml')]);
    expect(r.ok, r.output).toBe(true);
  });

  it.skipIf(!hasXmllint)('ERMS.xml validates against ERMS.xsd and passes the ERMS Schematron rules', async () => {
    const file = join(out, 'metadata/descriptive/ERMS.xml');
    const r = xmllint(['--noout', '--nonet', '--schema', join(out, 'schemas/ERMS.xsd'), file]);
    expect(r.ok, r.output).toBe(true);
    expect(await schematronFailures(file)).toEqual([]);
    // The rules run for real: an aggregation of our own type without its name fails them.
    const broken = join(out, '..', `${out.split('/').pop()}-broken.xml`);
    await writeFile(broken, (await readFile(file, 'utf8')).replace(/ otherAggregationType="[^"]*"/, ''));
    try {
      expect(await schematronFailures(broken)).toHaveLength(1);
    } finally {
      await rm(broken, { force: true });
    }
  });

  it('screened case files and records carry an ERMS restriction naming the secrecy provision', async () => {
    const erms = await readFile(join(out, 'metadata/descriptive/ERMS.xml'), 'utf8');
    expect(result.counts.restricted).toBeGreaterThan(0);
    expect(erms).toMatch(/<restriction restrictionType="confidential">\s*<explanatoryText>Sekretessmarkering [^<]+<\/explanatoryText>\s*<regulation>[^<]+<\/regulation>/);
  });

  it('every file in METS has the size and SHA-256 of its bytes, and every package file is in METS', async () => {
    const mets = await readFile(join(out, 'METS.xml'), 'utf8');
    const listed = [...mets.matchAll(/<(?:file|mdRef) [^>]*?SIZE="(\d+)"[^>]*?CHECKSUM="([0-9a-f]{64})"[^>]*?>(?:\s*<FLocat [^>]*xlink:href="([^"]+)")?/g)];
    const refs = [...mets.matchAll(/xlink:href="([^"]+)"/g)].map((m) => m[1]!);
    expect(listed.length).toBe(refs.length);
    for (const [i, m] of listed.entries()) {
      const path = join(out, refs[i]!);
      expect(await sha256(path), refs[i]).toBe(m[2]);
      expect((await readFile(path)).length, refs[i]).toBe(Number(m[1]));
    }
    const data = (await readdir(join(out, 'representations/rep1/data'))).map((n) => `representations/rep1/data/${n}`);
    expect(refs.filter((r) => r.startsWith('representations/')).sort()).toEqual(data.sort());
  });

  it('runs again into the same folder (re-runnable) from the CLI and keeps the package id', async () => {
    const io = captureOutput();
    // As the command runs on its own: without the capabilities loaded, whose walk would throw.
    expect(exportFgsCommand.withoutModules).toBe(true);
    const ctx = { ...radhus.ctx, modules: noModules('export fgs') };
    const code = await exportFgsCommand.run({ ctx, values: { tenant: 'aneby', series: 'all', out }, io, operator: 'cli:test', migrated: [] });
    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toContain(result.objectId);
    expect(io.stdout.join('\n')).toMatch(/\d+ case file\(s\), \d+ record\(s\), \d+ document file\(s\)/);
    if (hasXmllint) expect(xmllint(['--noout', '--nonet', '--schema', join(earkDir, 'eark-mets-validation-2.1.0.xsd'), join(out, 'METS.xml')]).ok).toBe(true);
  });
});
