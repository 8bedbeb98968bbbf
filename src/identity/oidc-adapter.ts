// SPDX-License-Identifier: EUPL-1.2
// Storage for the demo OpenID provider (oidc-provider's Adapter interface) in the database instead
// of the provider's in-memory default: a login started on one app server can be finished on
// another behind the same load balancer, and survives a restart. One row per model and id; the
// provider's payload is stored as it is, with the fields it looks things up by copied to columns.
import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/database.ts';
import { tables, withoutTenant } from '../platform/db/transaction.ts';

/** What oidc-provider stores: its own JSON, with a few well-known fields. */
export type AdapterPayload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  consumed?: number;
};

/** oidc-provider's Adapter interface, for one model (Session, Interaction, AccessToken, …). */
export interface OidcAdapter {
  upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
  find(id: string): Promise<AdapterPayload | undefined>;
  findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
  findByUid(uid: string): Promise<AdapterPayload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

interface PayloadTable {
  model: string;
  id: string;
  payload: unknown;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  expires_at: Date | null;
  consumed_at: Date | null;
}

type Tables = { oidc_provider_payloads: PayloadTable };

export interface OidcAdapterOptions {
  db: Database;
  clock: Clock;
  /** How often, at most, an upsert also deletes the expired rows of every model. */
  sweepIntervalMs?: number;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The `adapter` option for oidc-provider: a factory it calls once per model name. All models of
 * one provider share the sweep schedule.
 */
export function oidcAdapterFactory(options: OidcAdapterOptions): (model: string) => OidcAdapter {
  const { db, clock, sweepIntervalMs = 60_000 } = options;
  let lastSweep = Number.NEGATIVE_INFINITY;

  // The demo provider serves the whole installation: its rows belong to no municipality.
  const run = <T>(work: (q: Kysely<Tables>) => Promise<T>): Promise<T> => withoutTenant(db, (tx) => work(tables<Tables>(tx)));

  return (model: string): OidcAdapter => {
    const findWhere = (column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> =>
      run(async (q) => {
        const now = clock.now();
        const row = await q
          .selectFrom('oidc_provider_payloads')
          .select(['payload', 'consumed_at'])
          .where('model', '=', model)
          .where(column, '=', value)
          // Rows past their expiry are as good as gone, whether or not a sweep has deleted them yet.
          .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
          .limit(1)
          .executeTakeFirst();
        if (!row) return undefined;
        const payload = row.payload as AdapterPayload;
        return row.consumed_at ? { ...payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : payload;
      });

    return {
      async upsert(id, payload, expiresIn) {
        const now = clock.now();
        const expiresAt = typeof expiresIn === 'number' ? new Date(now.getTime() + expiresIn * 1000) : null;
        const sweep = now.getTime() - lastSweep >= sweepIntervalMs;
        if (sweep) lastSweep = now.getTime();
        await run(async (q) => {
          await q
            .insertInto('oidc_provider_payloads')
            .values({
              model,
              id,
              payload: JSON.stringify(payload),
              grant_id: text(payload.grantId),
              user_code: text(payload.userCode),
              uid: text(payload.uid),
              expires_at: expiresAt,
              consumed_at: null,
            })
            .onConflict((oc) =>
              oc.columns(['model', 'id']).doUpdateSet((eb) => ({
                payload: eb.ref('excluded.payload'),
                grant_id: eb.ref('excluded.grant_id'),
                user_code: eb.ref('excluded.user_code'),
                uid: eb.ref('excluded.uid'),
                expires_at: eb.ref('excluded.expires_at'),
                consumed_at: null,
              })),
            )
            .execute();
          // Expired rows of every model, at most once a minute per process: no scheduler needed.
          if (sweep) await q.deleteFrom('oidc_provider_payloads').where('expires_at', '<=', now).execute();
        });
      },

      find: (id) => findWhere('id', id),
      findByUid: (uid) => findWhere('uid', uid),
      findByUserCode: (userCode) => findWhere('user_code', userCode),

      async consume(id) {
        await run((q) =>
          q.updateTable('oidc_provider_payloads').set({ consumed_at: clock.now() }).where('model', '=', model).where('id', '=', id).execute(),
        );
      },

      async destroy(id) {
        await run((q) => q.deleteFrom('oidc_provider_payloads').where('model', '=', model).where('id', '=', id).execute());
      },

      // The provider calls this on each token model's adapter in turn (access tokens, codes, …).
      async revokeByGrantId(grantId) {
        await run((q) => q.deleteFrom('oidc_provider_payloads').where('model', '=', model).where('grant_id', '=', grantId).execute());
      },
    };
  };
}
