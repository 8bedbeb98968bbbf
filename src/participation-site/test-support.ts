// SPDX-License-Identifier: EUPL-1.2
// Test factory: public_citizen_proposals, public_consultations and public_council_questions rows for
// one tenant, written as radhus_app in the tenant's transaction, the way the proposals,
// consultations and questions projections write them. The pages read only these tables, so their
// tests seed here and need none of those modules; they may also write shapes no projection would
// (an open proposal past its signing period) to prove the pages cope.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../platform/db/database.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import type { ProposalStatus } from '../proposals/tables.ts';
import type { QuestionStatus } from '../questions/tables.ts';

const actor = { kind: 'cli' as const, id: 'test', name: 'participation-site test' };

export interface ProposalSeed {
  title: string;
  body?: string;
  authorName?: string;
  status?: ProposalStatus;
  threshold?: number;
  signatureCount?: number;
  createdAt?: string;
  closesAt?: string;
  reachedAt?: string;
  bodyId?: string;
  caseNumber?: string;
  decisionDueOn?: string;
  meetingId?: string;
  agendaItemId?: string;
  decisionText?: string;
  decidedAt?: string;
}

export interface ParticipationSeeder {
  proposal(seed: ProposalSeed): Promise<string>;
  consultation(seed: { title: string; opensAt: string; deadline: string }): Promise<string>;
  question(seed: { text: string; askerName: string; personId?: string; partyId?: string; status?: QuestionStatus; askedAt: string; answer?: string }): Promise<string>;
}

export function participationSeeder(db: Database, tenantId: string): ParticipationSeeder {
  const run = <R>(work: (tx: Tx) => Promise<R>) => withTenant(db, { tenantId, actor }, work);
  const insert = (tx: Tx, table: string, values: Record<string, unknown>) => tx.insertInto(table).values(values).execute();
  return {
    proposal: (seed) =>
      run(async (tx) => {
        const id = randomUUID();
        const created = new Date(seed.createdAt ?? '2026-02-01T10:00:00Z');
        const body = seed.body ?? `${seed.title}: ein tekst som grunngjev forslaget.`;
        await insert(tx, 'public_citizen_proposals', {
          id, tenant_id: tenantId, title: seed.title, body, author_name: seed.authorName ?? 'Åse Innbyggjar', status: seed.status ?? 'open',
          threshold: seed.threshold ?? 300, signature_count: seed.signatureCount ?? 1,
          closes_at: new Date(seed.closesAt ?? new Date(created.getTime() + 180 * 86_400_000).toISOString()), reached_at: seed.reachedAt ? new Date(seed.reachedAt) : null,
          body_id: seed.bodyId ?? null, case_file_id: seed.caseNumber ? randomUUID() : null, case_number: seed.caseNumber ?? null, decision_due_on: seed.decisionDueOn ?? null,
          meeting_id: seed.meetingId ?? null, agenda_item_id: seed.agendaItemId ?? null, decision_text: seed.decisionText ?? null, decided_at: seed.decidedAt ? new Date(seed.decidedAt) : null,
          // How the projection should fill the vector: the 'simple' configuration (no language's
          // stemming: proposals come in four languages), the title weighted above the body.
          search: sql`setweight(to_tsvector('simple', ${seed.title}), 'A') || setweight(to_tsvector('simple', ${body}), 'B')`,
          created_at: created, updated_at: created,
        });
        return id;
      }),
    consultation: (seed) =>
      run(async (tx) => {
        const id = randomUUID();
        await insert(tx, 'public_consultations', {
          id, tenant_id: tenantId, case_file_id: randomUUID(), case_number: '2026/12', title: seed.title, description: '', opens_at: new Date(seed.opensAt), deadline: new Date(seed.deadline),
          document_entry_ids: [], comments_published_at: null, comment_count: 0, created_at: new Date(seed.opensAt), updated_at: new Date(seed.opensAt),
        });
        return id;
      }),
    question: (seed) =>
      run(async (tx) => {
        const id = randomUUID();
        const status = seed.status ?? (seed.answer ? 'answered' : 'open');
        await insert(tx, 'public_council_questions', {
          id, tenant_id: tenantId, asker_name: seed.askerName, person_id: seed.personId ?? null, party_id: seed.partyId ?? null, text: seed.text, status,
          rejected_reason: status === 'rejected' ? 'Bryt reglane' : null, answer_text: seed.answer ?? null, answered_by_person_id: null,
          asked_at: new Date(seed.askedAt), answered_at: seed.answer ? new Date(seed.askedAt) : null, updated_at: new Date(seed.askedAt),
        });
        return id;
      }),
  };
}
