// SPDX-License-Identifier: EUPL-1.2
import { withTenant } from '../../platform/db/transaction.ts';
import { listPendingGrants, listStaff } from '../../identity/service.ts';
import { text, type ContextCommand } from '../command.ts';
import { table } from '../io.ts';
import { requireTenant } from '../tenant-arg.ts';

export const userList: ContextCommand = {
  kind: 'context',
  name: 'user list',
  summary: 'List the people holding roles in a municipality, and grants waiting for a first login',
  description: ['SOURCE is idp for roles from the identity provider (applied at each login), local for roles granted in Rådhus.'],
  remote: true,
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality' },
  },
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const { staff, pending } = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, async (tx) => ({
      staff: await listStaff(tx, tenant.id),
      pending: await listPendingGrants(tx, tenant.id),
    }));
    if (!staff.length && !pending.length) {
      io.out(`Nobody holds a role in ${tenant.name} yet; make the first administrator with radhus user grant --tenant ${tenant.slug} --email <e-mail> --role tenant-admin`);
      return 0;
    }
    const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');
    const rows = [
      ...staff.flatMap((u) => u.roles.map((r) => [u.id, r.role, r.source, when(u.lastLoginAt), u.email ?? '-', u.name])),
      ...pending.map((p) => ['(pending)', p.role, 'local', '-', p.email ?? `subject ${p.subject}`, '-']),
    ];
    for (const line of table(['USER', 'ROLE', 'SOURCE', 'LAST LOGIN', 'E-MAIL', 'NAME'], rows)) io.out(line);
    return 0;
  },
};
