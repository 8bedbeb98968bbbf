// SPDX-License-Identifier: EUPL-1.2
// PostgreSQL side of statement-cache.ts: node-postgres prepares a statement once per connection
// when the query carries a name, and afterwards sends only Bind/Execute with the same parameters.
// Kysely's PostgreSQL driver calls `client.query(sql, parameters)`; this pool hands it clients
// that add the name for the statements the cache takes.
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { StatementCache } from './statement-cache.ts';

export function preparingPool(pool: pg.Pool, statements: StatementCache): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      const query = ((text: unknown, values?: unknown[]) => {
        if (typeof text === 'string' && values && values.length > 0) {
          const admission = statements.admit(text);
          if (admission) return client.query({ name: admission.statement.name, text, values });
        }
        return client.query(text as string, values);
      }) as unknown as PostgresPoolClient["query"];
      return { query, release: () => client.release() } as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
