// SPDX-License-Identifier: EUPL-1.2
// Questions to politicians (issue 11 §2): a citizen asks a named politician or a party group of the
// municipality; the politician (council_persons.user_id) answers in public; the secretariat may
// reject a question that breaks the published rules; the asker may withdraw it. Every write checks
// all it can first and names each failing field, so a refused request writes nothing; every change
// writes `question.changed`, which the projection turns into public_council_questions.
import type { Tx } from '../platform/db/transaction.ts';
import { conflict, forbidden, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { writeEvent } from '../platform/outbox.ts';
import { sendMail } from '../platform/mail/send.ts';
import type { Language } from '../common/languages.ts';
import { listParties, listPersons, type PersonRow } from '../council/service.ts';
import { identityNumberOf, verifiedEmailsOf } from '../identity/service.ts';
import { questionAnsweredMail, questionAskedMail } from './mail.ts';
import * as repo from './repository.ts';

export interface QuestionCtx {
  tenantId: string;
  at: Date;
  /** The caller's users.id (a citizen asking or withdrawing, a politician answering). */
  userId: string;
  /** false: no mail (the demo data, written as if in the past). */
  mail?: boolean;
  municipality: { slug: string; name: string; language: Language };
  publicUrl: string;
}

export const TEXT_MIN = 10;
export const TEXT_MAX = 5000;
export const NAME_MAX = 120;

export const questionChanged = (tx: Tx, c: Pick<QuestionCtx, 'tenantId' | 'at'>, questionId: string) =>
  writeEvent(tx, { tenantId: c.tenantId, type: 'question.changed', aggregateType: 'council-question', aggregateId: questionId, payload: { questionId }, at: c.at });

export const publicPath = (slug: string, id: string) => `/${slug}/deltakelse/sporsmal/${id}`;
const personName = (p: Pick<PersonRow, 'given_name' | 'family_name'>) => `${p.given_name} ${p.family_name}`;

function text(errors: FieldError[], field: string, value: string | undefined, min: number, max: number): string {
  const v = (value ?? '').trim();
  if (!v) errors.push({ field, code: 'required', message: 'must not be blank' });
  else if (v.length < min) errors.push({ field, code: 'tooShort', message: `at least ${min} characters` });
  else if (v.length > max) errors.push({ field, code: 'tooLong', message: `at most ${max} characters` });
  return v;
}

export interface AskInput { personId?: string | undefined; partyId?: string | undefined; text: string; askerName: string; language?: Language | undefined }

export async function askQuestion(tx: Tx, c: QuestionCtx, input: AskInput): Promise<repo.QuestionRow> {
  const errors: FieldError[] = [];
  const body = text(errors, 'text', input.text, TEXT_MIN, TEXT_MAX);
  const askerName = text(errors, 'askerName', input.askerName, 1, NAME_MAX);
  const [persons, parties] = [await listPersons(tx), await listParties(tx)];
  // Row-level security: a person or party of another municipality is simply not found here.
  const person = input.personId !== undefined && isUuid(input.personId) ? persons.find((p) => p.id === input.personId) : undefined;
  const party = input.partyId !== undefined && isUuid(input.partyId) ? parties.find((p) => p.id === input.partyId) : undefined;
  if ((input.personId === undefined) === (input.partyId === undefined)) errors.push({ field: 'personId', code: 'exactlyOne', message: 'give exactly one of personId and partyId' });
  else if (input.personId !== undefined && !person) errors.push({ field: 'personId', code: 'notFound', message: 'no such politician in this municipality' });
  else if (input.partyId !== undefined && !party) errors.push({ field: 'partyId', code: 'notFound', message: 'no such party in this municipality' });
  if (errors.length) throw invalid(errors);
  const row: repo.QuestionRow = {
    id: newId(), tenant_id: c.tenantId, asker_user_id: c.userId, asker_name: askerName, person_id: person?.id ?? null, party_id: party?.id ?? null,
    text: body, language: input.language ?? c.municipality.language, status: 'open', rejected_reason: null, answer_text: null, answered_by_person_id: null,
    asked_at: c.at, answered_at: null, updated_at: c.at,
  };
  await repo.insertQuestion(tx, row);
  await questionChanged(tx, c, row.id);
  // The politician, or every member of the party group with an address; the municipality's language.
  const recipients = person ? [person] : persons.filter((p) => p.party_id === party!.id);
  const to = person ? personName(person) : party!.name;
  for (const r of c.mail === false ? [] : recipients)
    if (r.email)
      await sendMail(tx, { to: r.email, template: questionAskedMail, language: c.municipality.language, tenantId: c.tenantId, at: c.at, key: `questions.asked:${row.id}:${r.id}`,
        params: { municipality: c.municipality.name, asker: askerName, to, text: body, url: `${c.publicUrl}${publicPath(c.municipality.slug, row.id)}` } });
  return row;
}

/** The council persons this login is (a politician may sit as one person; the roster links it by user_id). */
export const personsOfUser = async (tx: Tx, userId: string) => (await listPersons(tx)).filter((p) => p.user_id === userId);

async function openQuestion(tx: Tx, id: string): Promise<repo.QuestionRow> {
  const q = isUuid(id) ? await repo.selectQuestionForUpdate(tx, id) : undefined;
  if (!q) throw notFound(`the question "${id}"`);
  return q;
}

export async function answerQuestion(tx: Tx, c: QuestionCtx, id: string, answer: string): Promise<repo.QuestionRow> {
  const q = await openQuestion(tx, id);
  const mine = await personsOfUser(tx, c.userId);
  const as = q.person_id ? mine.find((p) => p.id === q.person_id) : mine.find((p) => p.party_id !== null && p.party_id === q.party_id);
  if (!as) throw forbidden(q.person_id ? 'only the politician asked may answer this question' : 'only a politician of the party asked may answer this question');
  if (q.status !== 'open') throw conflict(`the question is ${q.status}; it cannot be answered`, [{ field: 'status', code: 'notOpen', message: `is ${q.status}` }]);
  const errors: FieldError[] = [];
  const answerText = text(errors, 'text', answer, 1, TEXT_MAX);
  if (errors.length) throw invalid(errors);
  const changes = { status: 'answered' as const, answer_text: answerText, answered_by_person_id: as.id, answered_at: c.at, updated_at: c.at };
  await repo.updateQuestionRow(tx, q.id, changes);
  await questionChanged(tx, c, q.id);
  // The asker's address as the identity provider vouches for it (the login, never shown publicly).
  const number = await identityNumberOf(tx, q.asker_user_id);
  const address = number ? (await verifiedEmailsOf(tx, [number]))[0] : undefined;
  if (address && c.mail !== false)
    await sendMail(tx, { to: address, template: questionAnsweredMail, language: q.language, tenantId: c.tenantId, at: c.at, key: `questions.answered:${q.id}`,
      params: { municipality: c.municipality.name, by: personName(as), url: `${c.publicUrl}${publicPath(c.municipality.slug, q.id)}` } });
  return { ...q, ...changes };
}

export async function rejectQuestion(tx: Tx, c: Pick<QuestionCtx, 'tenantId' | 'at'>, id: string, reason: string): Promise<repo.QuestionRow> {
  const q = await openQuestion(tx, id);
  const errors: FieldError[] = [];
  const why = text(errors, 'reason', reason, 1, 1000);
  if (errors.length) throw invalid(errors);
  if (q.status !== 'open') throw conflict(`the question is ${q.status}; it cannot be rejected`, [{ field: 'status', code: 'notOpen', message: `is ${q.status}` }]);
  const changes = { status: 'rejected' as const, rejected_reason: why, updated_at: c.at };
  await repo.updateQuestionRow(tx, q.id, changes);
  await questionChanged(tx, c, q.id);
  return { ...q, ...changes };
}

export async function withdrawQuestion(tx: Tx, c: QuestionCtx, id: string): Promise<repo.QuestionRow> {
  const q = await openQuestion(tx, id);
  // Another citizen's question is not theirs to know about beyond the public page: 404, not 403.
  if (q.asker_user_id !== c.userId) throw notFound(`the question "${id}"`);
  if (q.status !== 'open') throw conflict(`the question is ${q.status}; it cannot be withdrawn`, [{ field: 'status', code: 'notOpen', message: `is ${q.status}` }]);
  const changes = { status: 'withdrawn' as const, updated_at: c.at };
  await repo.updateQuestionRow(tx, q.id, changes);
  await questionChanged(tx, c, q.id);
  return { ...q, ...changes };
}

/** Questions to the politician's own persons and to the parties those persons belong to. */
export async function questionsToAnswer(tx: Tx, userId: string): Promise<repo.QuestionRow[]> {
  const mine = await personsOfUser(tx, userId);
  return repo.selectQuestionsTo(tx, mine.map((p) => p.id), [...new Set(mine.flatMap((p) => (p.party_id ? [p.party_id] : [])))]);
}

export const questionsAskedBy = (tx: Tx, userId: string) => repo.selectQuestionsOfAsker(tx, userId);

export const ageInDays = (askedAt: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - askedAt.getTime()) / 86_400_000));
