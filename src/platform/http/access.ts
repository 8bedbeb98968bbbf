// SPDX-License-Identifier: EUPL-1.2
// Every route says who may call it: `config.roles` (checked before validation by the identity
// hooks) or `config.access: 'public'`. A route that says neither, or both, stops the server from
// starting with the route named, so a forgotten `roles` can never quietly publish a route.
import type { FastifyContextConfig, RouteOptions } from 'fastify';
import { roles as knownRoles } from './auth.ts';

export class RouteAccessError extends Error {}

export interface RouteAccess {
  method: string;
  url: string;
  /** 'public', 'operator' (the route checks for the operator itself, e.g. /metrics), or the roles allowed. */
  access: 'public' | 'operator' | readonly string[];
}

/** Checks one route's declaration; throws a RouteAccessError naming the route. */
export function declaredAccess(route: Pick<RouteOptions, 'method' | 'url' | 'config'>): RouteAccess {
  const method = ([] as string[]).concat(route.method).join(',');
  const name = `${method} ${route.url}`;
  const config = (route.config ?? {}) as FastifyContextConfig;
  const { roles, access } = config;
  if (access !== undefined && access !== 'public' && access !== 'operator')
    throw new RouteAccessError(`route ${name} has config.access "${String(access)}"; the values are 'public' and 'operator' (or declare config.roles)`);
  if (access !== undefined && roles !== undefined)
    throw new RouteAccessError(`route ${name} declares both config.roles and config.access: '${access}'; declare one`);
  if (access !== undefined) return { method, url: route.url, access };
  if (!Array.isArray(roles) || roles.length === 0)
    throw new RouteAccessError(
      `route ${name} does not say who may call it: add config.roles (e.g. ['case-officer']) or config.access: 'public'`,
    );
  const unknown = roles.filter((role) => !(knownRoles as readonly string[]).includes(role));
  if (unknown.length) throw new RouteAccessError(`route ${name} names unknown roles: ${unknown.join(', ')}`);
  return { method, url: route.url, access: roles };
}

const declared = new WeakMap<object, RouteAccess[]>();

interface Hookable {
  addHook(name: 'onRoute', hook: (route: RouteOptions) => void): unknown;
}

/** Call on the root instance before any route: the hook reaches the routes of every module. */
export function requireDeclaredAccess(app: Hookable): void {
  const list: RouteAccess[] = [];
  declared.set(app, list);
  // Fastify copies a GET route's config to the HEAD route it adds, so those pass as declared.
  app.addHook('onRoute', (route) => {
    list.push(declaredAccess(route));
  });
}

/** The routes of an app with what each declared (for tests and the operations overview). */
export function routeAccessOf(app: object): readonly RouteAccess[] {
  return declared.get(app) ?? [];
}
