// SPDX-License-Identifier: EUPL-1.2
import { withTenant } from '../../platform/db/transaction.ts';
import { roles } from '../../platform/http/auth.ts';
import { createToken } from '../../identity/service.ts';
import { text, type ContextCommand, type Values } from '../command.ts';
import { requireTenant } from '../tenant-arg.ts';

export const tokenCreate: ContextCommand = {
  kind: 'context',
  name: 'token create',
  summary: 'Create a bearer token for a system or script in one municipality and role',
  description: ['The token is printed alone on the last line, once; only its hash is stored.'],
  remote: true,
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality (see `radhus tenant list`)' },
    role: { type: 'string', required: true, value: 'role', description: 'The role the token acts in', choices: roles },
    name: { type: 'string', value: 'text', description: 'What it is for, e.g. "ePhorte migration" (default "<role> token")' },
    expires: { type: 'string', value: 'date', description: 'When it stops working: a date (YYYY-MM-DD, from 00:00 UTC that day) or a date-time; default never' },
  },
  check: (values: Values) => (values.expires !== undefined && !parseExpiry(text(values, 'expires')) ? [`--expires must be a date YYYY-MM-DD or a date-time like 2027-01-31T12:00:00Z (got "${text(values, 'expires')}")`] : []),
  examples: ['radhus token create --tenant balsfjord --role system --name "Case system integration"', 'radhus token create --tenant balsfjord --role system --expires 2027-01-01', 'TOKEN=$(radhus token create --tenant balsfjord --role system | tail -n 1)'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const name = values.name === undefined ? undefined : text(values, 'name');
    const created = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, (tx) =>
      createToken(tx, { tenantId: tenant.id, role: text(values, 'role'), ...(name === undefined ? {} : { name }), createdBy: operator, at: ctx.clock.now(), expiresAt: values.expires === undefined ? undefined : parseExpiry(text(values, 'expires')) }),
    );
    const until = created.expiresAt ? `, valid until ${created.expiresAt.toISOString()}` : '';
    io.out(`Created token ${created.id} "${created.name}" with role ${created.role} in ${tenant.name} (${tenant.slug})${until}.`);
    io.out(`It is shown only now. Send it as "Authorization: Bearer <token>"; revoke it with radhus token revoke --tenant ${tenant.slug} --id ${created.id}`);
    io.out(created.token);
    return 0;
  },
};

/** A date means from midnight UTC that day; a date-time must say its zone (Z or an offset). */
export function parseExpiry(value: string): Date | undefined {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
