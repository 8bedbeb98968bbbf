// SPDX-License-Identifier: EUPL-1.2
// Loads the demo municipalities: Balsfjord, whose IKT plan and the Höglandet e-strategy this
// project grew out of. Safe to run again: a municipality is found by its slug, and its demo cases
// are only added while it has no case files at all, so nothing is ever duplicated.
import type { AppContext } from '../platform/context.ts';
import { withoutTenant, withTenant } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { listCaseFiles } from '../archive/service.ts';
import { findTenantBySlug } from '../tenants/service.ts';
import { addMunicipality, completeTenantSetUp } from '../tenants/service.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { playStory } from './apply.ts';
import { demoMunicipalities } from './data/index.ts';
import type { DemoMunicipality } from './model.ts';
import { IdentityNumbers } from './numbers.ts';

const actor = { kind: 'cli', id: 'demo', name: 'Demodata' } as const;

/** The municipality, added if missing; undefined when the slug or number belongs to another one. */
async function ensureTenant(ctx: AppContext, m: DemoMunicipality, log: (line: string) => void): Promise<{ tenant: Tenant; isNew: boolean } | undefined> {
  const found = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, m.slug));
  if (found) {
    if (found.country !== m.country || found.officialNumber !== m.officialNumber) {
      log(`skipped ${m.slug}: that slug belongs to ${found.name} (${found.country} ${found.officialNumber}), not the demo municipality`);
      return undefined;
    }
    // An installation from before a set-up step existed gets it now; the set-up is idempotent.
    await completeTenantSetUp(ctx, found);
    return { tenant: found, isNew: false };
  }
  try {
    const tenant = await addMunicipality(ctx, { slug: m.slug, officialNumber: m.officialNumber, name: m.name, country: m.country, language: m.language });
    return { tenant, isNew: true };
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409) {
      log(`skipped ${m.slug}: ${error.message}`);
      return undefined;
    }
    throw error;
  }
}

export async function seedDemo(ctx: AppContext, log: (line: string) => void = () => {}): Promise<{ added: string[] }> {
  const added: string[] = [];
  const ids = new IdentityNumbers();
  for (const m of demoMunicipalities) {
    const ensured = await ensureTenant(ctx, m, log);
    if (!ensured) continue;
    const { tenant, isNew } = ensured;
    const counts = await withTenant(ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
      const existing = await listCaseFiles(tx, { limit: 1 });
      if (existing.rows.length) return undefined;
      return playStory(tx, ctx, tenant, m, ids);
    });
    if (counts) log(`${m.slug}: ${m.name}${isNew ? ' added' : ''}, ${counts.caseFiles} case files, ${counts.entries} registry entries, ${counts.documents} documents`);
    else log(`${m.slug}: has case files already; left as it is`);
    if (isNew || counts) added.push(m.slug);
  }
  return { added };
}
