// SPDX-License-Identifier: EUPL-1.2
// The popular proposal's floor: the writes of one signProposal transaction as plain SQL on the same
// connection pool: the proposal's row lock, the signature, the count, the `proposal.changed` outbox
// row. Not in it: HTTP, the session look-up, the role and tenant switch, the user's read, the
// double-sign check, validation, presenting the answer.
import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';

export interface Signer { userId: string; name: string; identityNumber: string }
export interface SignTarget { tenantId: string; proposalId: string; people: Signer[] }

export async function rawSign(db: Database, t: SignTarget, i: number): Promise<void> {
  const at = new Date();
  const person = t.people[i % t.people.length]!;
  await db.kysely.transaction().execute(async (tx) => {
    const p = (await sql<{ signature_count: number; threshold: number }>`select signature_count, threshold from citizen_proposals where id = ${t.proposalId} for update`.execute(tx)).rows[0]!;
    await sql`insert into citizen_proposal_signatures (id, tenant_id, proposal_id, identity_number, name, source, user_id, level, authenticated_at, registered_by, notify_email, language, signed_at)
      values (${newId()}, ${t.tenantId}, ${t.proposalId}, ${person.identityNumber}, ${person.name}, 'eid', ${person.userId}, 'high', ${at}, null, ${`innbygger${i}@example.no`}, 'nb', ${at})`.execute(tx);
    const count = p.signature_count + 1;
    await sql`update citizen_proposals set signature_count = ${count}, updated_at = ${at} where id = ${t.proposalId}`.execute(tx);
    await sql`insert into outbox (tenant_id, event_type, aggregate_type, aggregate_id, payload, created_at) values (${t.tenantId}, 'proposal.changed', 'citizen-proposal', ${t.proposalId}, ${JSON.stringify({ proposalId: t.proposalId })}, ${at})`.execute(tx);
  });
}
