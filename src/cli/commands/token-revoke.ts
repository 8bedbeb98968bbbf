// SPDX-License-Identifier: EUPL-1.2
import { withTenant } from '../../platform/db/transaction.ts';
import { findTokenIdByValue, revokeToken } from '../../identity/service.ts';
import { text, type ContextCommand, type Values } from '../command.ts';
import { requireTenant } from '../tenant-arg.ts';

export const tokenRevoke: ContextCommand = {
  kind: 'context',
  name: 'token revoke',
  summary: 'Revoke a bearer token: it stops working at once',
  remote: true,
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality the token belongs to' },
    id: { type: 'string', value: 'token id', description: 'The token id, as printed by `radhus token create` and `radhus token list`' },
    token: { type: 'string', value: 'token', description: 'Or the token itself (rdh_…), e.g. one that has leaked' },
  },
  check: (values: Values) =>
    values.id === undefined && values.token === undefined
      ? ['say which token: --id <token id> or --token <token>']
      : values.id !== undefined && values.token !== undefined
        ? ['give either --id or --token, not both']
        : [],
  examples: ['radhus token revoke --tenant balsfjord --id 01963f4e-…', 'radhus token revoke --tenant balsfjord --token rdh_…'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const id = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, async (tx) => {
      const id = values.id !== undefined ? text(values, 'id') : await findTokenIdByValue(tx, text(values, 'token'));
      await revokeToken(tx, id, ctx.clock.now());
      return id;
    });
    io.out(`Revoked token ${id} of ${tenant.name} (${tenant.slug}).`);
    return 0;
  },
};
