// SPDX-License-Identifier: EUPL-1.2
import { withTenant } from '../../platform/db/transaction.ts';
import { createKey } from '../../open311/service.ts';
import { text, type ContextCommand } from '../command.ts';
import { requireTenant } from '../tenant-arg.ts';

export const open311KeyCreate: ContextCommand = {
  kind: 'context',
  name: 'open311 key create',
  summary: 'Create an API key with which an app posts Open311 reports to one municipality',
  description: ['The key is printed alone on the last line, once; only its hash is stored.', 'Revoke it with DELETE /api/v1/{tenant}/open311/keys/{id} (revokeOpen311Key).'],
  remote: true,
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality (its slug is the jurisdiction_id)' },
    name: { type: 'string', value: 'text', description: 'Which app it is for (default "Open311 app")' },
  },
  examples: ['radhus open311 key create --tenant balsfjord --name "FixMyStreet"', 'KEY=$(radhus open311 key create --tenant balsfjord | tail -n 1)'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const name = values.name === undefined ? 'Open311 app' : text(values, 'name');
    const created = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, (tx) =>
      createKey(tx, { tenantId: tenant.id, name, createdBy: `cli:${operator}`, at: ctx.clock.now() }),
    );
    io.out(`Created Open311 key ${created.id} "${created.name}" for ${tenant.name} (jurisdiction_id ${tenant.slug}).`);
    io.out('It is shown only now. Apps send it as api_key when they post to /open311/v2/requests.json.');
    io.out(created.key);
    return 0;
  },
};
