// SPDX-License-Identifier: EUPL-1.2
// What a capability declares in its manifest (src/<capability>/manifest.ts), and the one place
// (src/modules.ts) that lists them. Platform code walks these lists; it never imports a capability.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from './context.ts';
import type { Tx } from './db/transaction.ts';
import type { TenantRef } from './http/auth.ts';
import type { App } from './http/app.ts';
import type { EventConsumer } from './events/types.ts';
import type { JobHandler } from './jobs/types.ts';
import type { Language } from '../common/languages.ts';

/** Texts a module renders on the server (public pages, mail), keyed by message key, in all four languages. */
export type ModuleTexts = Record<Language, Record<string, string>>;

export interface Module {
  /** Unique, lower-case: also the Fastify plugin name and the i18n namespace. */
  name: string;
  /** Routes, registered as an encapsulated Fastify plugin with the shared context. */
  register?(app: App, ctx: AppContext): Promise<void>;
  /**
   * Per-municipality set-up, run inside the transaction that adds a municipality (already entered
   * as that tenant, so row-level security applies). Must be idempotent: it also runs to complete
   * the set-up of municipalities added before a module existed.
   */
  setUpTenant?(tx: Tx, tenant: TenantRef, at: Date): Promise<void>;
  /** Consumers of outbox events, each with its own durable position (platform/events). */
  consumers?: readonly EventConsumer[];
  /** Handlers of timed jobs (platform/jobs), by job type. */
  jobs?: readonly JobHandler[];
  /**
   * Demo data for an installation that wants it (`radhus seed-demo`, the first start of an empty
   * database): idempotent, returns the municipalities it added data to. Runs after every module's
   * setUpTenant, in the order of src/modules.ts.
   */
  demo?(ctx: AppContext, log: (line: string) => void): Promise<{ added: string[] }>;
  /** Server-rendered texts of this module. */
  texts?: ModuleTexts;
  /**
   * Answers an error (404, 400, 500 …) on a page a browser asked for with an HTML page in the
   * visitor's language and returns true; returns false to leave it to the problem+json answer
   * (the API, scripts). The first module in the list that provides it is asked: the public site.
   */
  errorPage?(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number): Promise<boolean>;
}

/** Every module's demo data, in the order of the module list; the municipalities that got some. */
export async function loadDemoData(ctx: { modules: readonly Module[] } & Parameters<NonNullable<Module['demo']>>[0], log: (line: string) => void = () => {}): Promise<string[]> {
  const added = new Set<string>();
  for (const module of ctx.modules) if (module.demo) for (const slug of (await module.demo(ctx, log)).added) added.add(slug);
  return [...added];
}
