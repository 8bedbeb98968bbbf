// SPDX-License-Identifier: EUPL-1.2
// Demo data: Balsfjord defines and publishes the five demo forms; the five Höglandet municipalities
// adopt three of them from Balsfjord (define once, use in five) and publish them. Idempotent: a form
// whose key a municipality has already is left as it is.
import type { AppContext } from '../platform/context.ts';
import { withoutTenant, withPublic, withTenant } from '../platform/db/transaction.ts';
import { findTenantBySlug } from '../tenants/service.ts';
import { adoptFormDefinition, createFormDefinition, publishFormDefinition } from './definitions.ts';
import { demoForms } from './demo-forms.ts';
import { selectFormByKey, selectPublicForm } from './repository.ts';

const actor = { kind: 'cli', id: 'demo', name: 'Demodata' } as const;
const OWNER = 'balsfjord';
const ADOPTERS = ['aneby', 'eksjo', 'nassjo', 'savsjo', 'vetlanda'];
const ADOPTED = ['report-a-problem', 'barnehageplass', 'digital-kompetanse'];

export async function seedDemoForms(ctx: AppContext, log: (line: string) => void = () => {}): Promise<{ added: string[] }> {
  const added: string[] = [];
  const c = (tenantId: string) => ({ tenantId, actor: `${actor.kind}:${actor.id}:${actor.name}`, at: ctx.clock.now() });
  const owner = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, OWNER));
  if (!owner) return { added };
  const made = await withTenant(ctx.db, { tenantId: owner.id, actor }, async (tx) => {
    let n = 0;
    for (const definition of demoForms) {
      if (await selectFormByKey(tx, definition.key)) continue;
      const view = await createFormDefinition(tx, c(owner.id), definition);
      await publishFormDefinition(tx, c(owner.id), view.form.id, true);
      n++;
    }
    return n;
  });
  if (made) {
    added.push(OWNER);
    log(`${OWNER}: ${made} forms defined and published`);
  }
  for (const slug of ADOPTERS) {
    const tenant = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, slug));
    if (!tenant) continue;
    let n = 0;
    for (const key of ADOPTED) {
      const source = await withPublic(ctx.db, (tx) => selectPublicForm(tx, { tenantId: owner.id, key }));
      if (!source) continue;
      const adopted = await withTenant(ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
        if (await selectFormByKey(tx, key)) return false;
        const view = await adoptFormDefinition(tx, c(tenant.id), source, source.form_id, {});
        await publishFormDefinition(tx, c(tenant.id), view.form.id, true);
        return true;
      });
      if (adopted) n++;
    }
    if (n) {
      added.push(slug);
      log(`${slug}: ${n} forms adopted from ${OWNER}`);
    }
  }
  return { added };
}
