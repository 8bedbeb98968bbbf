// SPDX-License-Identifier: EUPL-1.2
// The person a `radhus user grant|revoke` names: by e-mail or by the identity provider's subject.
import { mappableRoles } from '../../platform/role-map.ts';
import { text, type OptionSpec, type Values } from '../command.ts';
import type { GrantTarget } from '../../identity/service.ts';

export const userTargetOptions: Record<string, OptionSpec> = {
  tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality (see `radhus tenant list`)' },
  email: { type: 'string', value: 'e-mail', description: 'The person by e-mail; before their first login it waits for a verified address' },
  subject: { type: 'string', value: 'sub', description: "Or by the identity provider's subject (sub claim)" },
  role: { type: 'string', required: true, value: 'role', description: 'The role', choices: mappableRoles },
};

export const checkUserTarget = (values: Values): string[] =>
  values.email === undefined && values.subject === undefined
    ? ['say who: --email <e-mail> or --subject <sub>']
    : values.email !== undefined && values.subject !== undefined
      ? ['give either --email or --subject, not both']
      : [];

export const userTarget = (values: Values): GrantTarget => (values.email !== undefined ? { email: text(values, 'email') } : { subject: text(values, 'subject') });

export const describeTarget = (values: Values): string => (values.email !== undefined ? text(values, 'email') : `subject ${text(values, 'subject')}`);
