// SPDX-License-Identifier: EUPL-1.2
// The questions API under /api/v1/{tenant}/questions (issue 11 §2), one function per operationId.
// The shapes are written here by hand from src/questions/schema.ts until docs/openapi.json (and so
// schema.d.ts) is regenerated with these operations; then they can become ResponseBody<…> types.
import { api, query } from '../api/client.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/questions`;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export type QuestionStatus = 'open' | 'answered' | 'withdrawn' | 'rejected';
export interface PartyRef { id: string; code: string; name: string }
export interface Question {
  id: string;
  askerName: string;
  to: { kind: 'person' | 'party'; id: string; name: string; party: PartyRef | null };
  text: string;
  status: QuestionStatus;
  rejectedReason: string | null;
  answer: { text: string; by: { id: string; name: string } | null; answeredAt: string } | null;
  askedAt: string;
  ageInDays: number | null;
}
export interface QuestionList { items: Question[]; nextCursor: string | null }
export interface Recipients { persons: { id: string; name: string; party: PartyRef | null }[]; parties: PartyRef[] }
export interface AskInput { personId?: string; partyId?: string; text: string; askerName: string; language?: string }

export const listQuestionRecipients = (tenant: string, signal?: AbortSignal) => api<Recipients>(`${base(tenant)}/recipients`, opt(signal));
export const listQuestions = (tenant: string, filter: { person?: string; party?: string; status?: string } = {}, signal?: AbortSignal) =>
  api<QuestionList>(`${base(tenant)}${query(filter)}`, opt(signal));
export const askQuestion = (tenant: string, input: AskInput) => api<Question>(base(tenant), { json: input });
export const listMyAskedQuestions = (tenant: string, signal?: AbortSignal) => api<QuestionList>(`${base(tenant)}/asked`, opt(signal));
export const withdrawQuestion = (tenant: string, id: string) => api<Question>(`${base(tenant)}/${encodeURIComponent(id)}/withdrawal`, { method: 'POST' });
export const listMyQuestionsToAnswer = (tenant: string, signal?: AbortSignal) => api<QuestionList>(`${base(tenant)}/mine`, opt(signal));
export const answerQuestion = (tenant: string, id: string, text: string) => api<Question>(`${base(tenant)}/${encodeURIComponent(id)}/answer`, { json: { text } });
