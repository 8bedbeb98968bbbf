// SPDX-License-Identifier: EUPL-1.2
import { withTenant } from '../../platform/db/transaction.ts';
import { revokeRole } from '../../identity/service.ts';
import { text, type ContextCommand } from '../command.ts';
import { requireTenant } from '../tenant-arg.ts';
import { checkUserTarget, describeTarget, userTarget, userTargetOptions } from './user-target.ts';

export const userRevoke: ContextCommand = {
  kind: 'context',
  name: 'user revoke',
  summary: "Revoke a person's role in one municipality, or withdraw a grant waiting for a first login",
  description: ['A role the identity provider grants comes back at the next login: remove the person from the group there too.'],
  remote: true,
  options: userTargetOptions,
  check: checkUserTarget,
  examples: ['radhus user revoke --tenant balsfjord --email kari.nordmann@balsfjord.kommune.no --role case-officer'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const role = text(values, 'role');
    const outcome = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, (tx) => revokeRole(tx, tenant.id, userTarget(values), role));
    if (outcome.status === 'withdrawn') io.out(`Withdrew the waiting grant of ${role} in ${tenant.name} (${tenant.slug}) for ${describeTarget(values)}.`);
    else io.out(`Revoked ${role} in ${tenant.name} (${tenant.slug}) from ${outcome.user.name}.`);
    return 0;
  },
};
