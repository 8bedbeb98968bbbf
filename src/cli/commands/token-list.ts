// SPDX-License-Identifier: EUPL-1.2
import { withTenant } from '../../platform/db/transaction.ts';
import { listTokens } from '../../identity/service.ts';
import { text, type ContextCommand } from '../command.ts';
import { table } from '../io.ts';
import { requireTenant } from '../tenant-arg.ts';

export const tokenList: ContextCommand = {
  kind: 'context',
  name: 'token list',
  summary: 'List the bearer tokens of a municipality (never the tokens themselves)',
  remote: true,
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality' },
  },
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const tokens = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, (tx) => listTokens(tx));
    if (!tokens.length) {
      io.out(`${tenant.name} has no tokens; create one with radhus token create --tenant ${tenant.slug} --role <role>`);
      return 0;
    }
    const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');
    const now = ctx.clock.now();
    const status = (t: (typeof tokens)[number]) =>
      t.revoked_at ? `revoked ${when(t.revoked_at)}` : t.expires_at && t.expires_at <= now ? `expired ${when(t.expires_at)}` : t.expires_at ? `active until ${when(t.expires_at)}` : 'active';
    const rows = tokens.map((t) => [t.id, t.role, status(t), when(t.created_at), when(t.last_used_at), t.name]);
    for (const line of table(['ID', 'ROLE', 'STATUS', 'CREATED', 'LAST USED', 'NAME'], rows)) io.out(line);
    return 0;
  },
};
