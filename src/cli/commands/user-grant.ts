// SPDX-License-Identifier: EUPL-1.2
import { withTenant } from '../../platform/db/transaction.ts';
import { grantRole } from '../../identity/service.ts';
import { text, type ContextCommand } from '../command.ts';
import { requireTenant } from '../tenant-arg.ts';
import { checkUserTarget, describeTarget, userTarget, userTargetOptions } from './user-target.ts';

export const userGrant: ContextCommand = {
  kind: 'context',
  name: 'user grant',
  summary: 'Grant a person a role in one municipality, also before their first login',
  description: [
    'A person who has not logged in yet gets the role at their first login with that subject or verified e-mail.',
    'Roles granted here are kept whatever the identity provider says; this is how the first tenant administrator is made.',
  ],
  remote: true,
  options: userTargetOptions,
  check: checkUserTarget,
  examples: ['radhus user grant --tenant balsfjord --email it-sjef@balsfjord.kommune.no --role tenant-admin', 'radhus user grant --tenant balsfjord --subject 7c1e… --role case-officer'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const role = text(values, 'role');
    const outcome = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, (tx) =>
      grantRole(tx, tenant.id, userTarget(values), role, operator, ctx.clock.now()),
    );
    if (outcome.status === 'pending') io.out(`Granted ${role} in ${tenant.name} (${tenant.slug}) to ${describeTarget(values)}, waiting for their first login.`);
    else if (outcome.status === 'already') io.out(`${outcome.user.name} already holds ${role} in ${tenant.name} (${tenant.slug}).`);
    else io.out(`Granted ${role} in ${tenant.name} (${tenant.slug}) to ${outcome.user.name}.`);
    return 0;
  },
};
