// SPDX-License-Identifier: EUPL-1.2
// The mapping from an identity provider's group or role values to Rådhus roles per municipality
// (OIDC_ROLE_MAP / OIDC_ROLE_MAP_FILE). Parsed when the configuration is read, so a typo stops the
// server at start with a message naming the entry, rather than silently granting nothing.
import { roles, type Role } from './http/auth.ts';

export interface MappedRole {
  /** Municipality slug. */
  tenant: string;
  role: Role;
}

/** Claim value (an Entra ID group object id, a Keycloak role name, …) → roles it grants. */
export type RoleMap = ReadonlyMap<string, readonly MappedRole[]>;

/** Roles a provider may grant: every role of a person; `system` belongs to tokens only. */
export const mappableRoles = roles.filter((r) => r !== 'system');

const SLUG = /^[a-z][a-z0-9-]{1,39}$/;

function target(text: string, where: string): MappedRole | string {
  const match = /^\s*([^:\s]+)\s*:\s*(\S+)\s*$/.exec(text);
  if (!match) return `${where}: "${text}" must be <municipality-slug>:<role>, e.g. balsfjord:case-officer`;
  const [, tenant, role] = match as unknown as [string, string, string];
  if (!SLUG.test(tenant)) return `${where}: "${tenant}" is not a municipality slug (lower-case letters, digits, hyphens)`;
  if (!(mappableRoles as readonly string[]).includes(role)) return `${where}: "${role}" is not a role a provider may grant; use one of ${mappableRoles.join(', ')}`;
  return { tenant, role: role as Role };
}

/**
 * Parses either the compact form, `value=slug:role` entries separated by commas or new lines
 * (the value is everything before the last "="), or JSON `{"value": "slug:role" | ["slug:role", …]}`
 * for values that themselves hold commas. Returns the map, or every problem found.
 */
export function parseRoleMap(source: string): { map: RoleMap; problems: string[] } {
  const problems: string[] = [];
  const map = new Map<string, MappedRole[]>();
  const add = (value: string, t: string, where: string) => {
    const parsed = target(t, where);
    if (typeof parsed === 'string') return void problems.push(parsed);
    const list = map.get(value) ?? [];
    if (!list.some((m) => m.tenant === parsed.tenant && m.role === parsed.role)) list.push(parsed);
    map.set(value, list);
  };
  const text = source.trim();
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { map: new Map(), problems: [`is not valid JSON (${(error as Error).message})`] };
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) return { map: new Map(), problems: ['must be a JSON object {"<claim value>": "<slug>:<role>" or […]}'] };
    for (const [value, targets] of Object.entries(json as Record<string, unknown>)) {
      const list = Array.isArray(targets) ? targets : [targets];
      for (const t of list) {
        if (typeof t !== 'string') problems.push(`"${value}": each target must be a string "<slug>:<role>"`);
        else add(value, t, `"${value}"`);
      }
    }
  } else {
    for (const [i, raw] of text.split(/[,\n]/).entries()) {
      const entry = raw.trim();
      if (!entry) continue;
      const at = entry.lastIndexOf('=');
      if (at <= 0) {
        problems.push(`entry ${i + 1} "${entry}" must be <claim value>=<slug>:<role>`);
        continue;
      }
      add(entry.slice(0, at).trim(), entry.slice(at + 1), `entry ${i + 1}`);
    }
  }
  return { map, problems };
}

/**
 * The values of a claim: a top-level claim by its full name (names may hold dots, as URLs do), else
 * a dotted path into nested objects (Keycloak's `realm_access.roles`); a string is one value.
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes('.')) {
    value = claims;
    for (const part of name.split('.')) value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The roles per municipality slug that the claims map to. */
export function mapRoles(claims: Record<string, unknown>, claimName: string, map: RoleMap): Map<string, Role[]> {
  const out = new Map<string, Role[]>();
  for (const value of claimValues(claims, claimName)) {
    for (const { tenant, role } of map.get(value) ?? []) {
      const list = out.get(tenant) ?? [];
      if (!list.includes(role)) list.push(role);
      out.set(tenant, list);
    }
  }
  return out;
}
