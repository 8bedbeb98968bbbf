// SPDX-License-Identifier: EUPL-1.2
// The demo's case officers belong to the units of their stories, so "my unit's cases" shows
// something at the first login. The demo users are written as the demo identity provider will
// log them in (its issuer and their `sub`, their demo roles here); the login then finds them.
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { demoIssuer, findDemoUser, syncProviderRoles, upsertUser } from '../identity/service.ts';
import { addUnitMember } from '../units/service.ts';
import type { DemoMunicipality, DemoPerson } from './model.ts';

const DEMO_ACTOR = 'cli:demo:Demodata';

export async function joinStoryUnits(tx: Tx, ctx: AppContext, tenant: Tenant, m: DemoMunicipality, units: Map<string, string>): Promise<void> {
  const at = ctx.clock.now();
  const pairs: [DemoPerson, string][] = m.cases.flatMap((story) => [
    [story.officer, story.unit] as [DemoPerson, string],
    ...(story.reassign ? [[story.reassign.officer, story.reassign.unit ?? story.unit] as [DemoPerson, string]] : []),
  ]);
  const userIds = new Map<string, string>();
  for (const [officer, unitName] of pairs) {
    const demo = officer.userId ? findDemoUser(officer.userId) : undefined;
    const roles = demo?.roles[tenant.slug];
    const unitId = units.get(unitName);
    if (!demo || !roles?.some((r) => r === 'case-officer' || r === 'archivist') || !unitId) continue;
    let userId = userIds.get(demo.id);
    if (!userId) {
      userId = await upsertUser(tx, { issuer: demoIssuer(ctx.config.publicUrl), subject: demo.id, name: demo.name, email: undefined, identityNumber: demo.identityNumber }, at);
      await syncProviderRoles(tx, userId, new Map([[tenant.id, roles]]), at);
      userIds.set(demo.id, userId);
    }
    await addUnitMember(tx, tenant.id, { unitId, userId }, DEMO_ACTOR, at);
  }
}
