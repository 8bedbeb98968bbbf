// SPDX-License-Identifier: EUPL-1.2
// The consumer `questions-projection`: public_council_questions rebuilt from council_questions on
// each `question.changed`, the whole row from the current state, so a replay rebuilds it and an old
// event cannot bring back an old value. Left out: the asker's login and language. A withdrawn
// question leaves the public list; a rejected one stays with its reason but without its text (it
// was rejected for breaking the published rules, so the text is not published).
import type { Tx } from '../platform/db/transaction.ts';
import type { EventConsumer } from '../platform/events/types.ts';
import * as repo from './repository.ts';

export async function projectQuestion(tx: Tx, id: string): Promise<void> {
  const q = await repo.selectQuestion(tx, id);
  if (!q || q.status === 'withdrawn') return repo.deletePublicQuestion(tx, id);
  await repo.upsertPublicQuestion(tx, {
    id: q.id, tenant_id: q.tenant_id, asker_name: q.asker_name, person_id: q.person_id, party_id: q.party_id, text: q.status === 'rejected' ? '' : q.text,
    status: q.status, rejected_reason: q.rejected_reason, answer_text: q.answer_text, answered_by_person_id: q.answered_by_person_id,
    asked_at: q.asked_at, answered_at: q.answered_at, updated_at: q.updated_at,
  });
}

export const questionsProjection: EventConsumer = {
  name: 'questions-projection',
  types: ['question.changed'],
  async handle(tx, event) {
    await projectQuestion(tx, String(event.payload.questionId ?? event.aggregateId));
  },
  async reset(tx) {
    await repo.deleteAllPublicQuestions(tx);
  },
};
