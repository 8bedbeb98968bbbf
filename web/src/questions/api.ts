// SPDX-License-Identifier: EUPL-1.2
// The questions API under /api/v1/{tenant}/questions (issue 11 §2), one function per operationId.
// Requests and answers are the generated types of docs/openapi.json (schema.d.ts).
import { api, query } from '../api/client.ts';
import type { Item, QueryParams, RequestBody, ResponseBody } from '../api/types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/questions`;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export type Question = ResponseBody<'getQuestion', 200>;
export type QuestionStatus = Question['status'];
export type PartyRef = Item<Recipients['parties']>;
export type QuestionList = ResponseBody<'listQuestions', 200>;
export type Recipients = ResponseBody<'listQuestionRecipients', 200>;
/** The API takes personId or partyId; the ask page may send neither, so that the server names the field. */
export type AskInput = Omit<RequestBody<'askQuestion'>, 'personId' | 'partyId'> & { personId?: string; partyId?: string };

// The same shape in the other answers (checked here, so a drift fails the typecheck).
export const sameShapes: [
  Item<QuestionList['items']> extends Question ? true : false,
  ResponseBody<'askQuestion', 201> extends Question ? true : false,
  ResponseBody<'listMyAskedQuestions', 200> extends QuestionList ? true : false,
  ResponseBody<'listMyQuestionsToAnswer', 200> extends QuestionList ? true : false,
  ResponseBody<'withdrawQuestion', 200> extends Question ? true : false,
  ResponseBody<'answerQuestion', 200> extends Question ? true : false,
] = [true, true, true, true, true, true];

export const listQuestionRecipients = (tenant: string, signal?: AbortSignal) => api<Recipients>(`${base(tenant)}/recipients`, opt(signal));
export const listQuestions = (tenant: string, filter: QueryParams<'listQuestions'> = {}, signal?: AbortSignal) =>
  api<QuestionList>(`${base(tenant)}${query(filter)}`, opt(signal));
export const askQuestion = (tenant: string, input: AskInput) => api<ResponseBody<'askQuestion', 201>>(base(tenant), { json: input });
export const listMyAskedQuestions = (tenant: string, signal?: AbortSignal) => api<ResponseBody<'listMyAskedQuestions', 200>>(`${base(tenant)}/asked`, opt(signal));
export const withdrawQuestion = (tenant: string, id: string) => api<ResponseBody<'withdrawQuestion', 200>>(`${base(tenant)}/${encodeURIComponent(id)}/withdrawal`, { method: 'POST' });
export const listMyQuestionsToAnswer = (tenant: string, signal?: AbortSignal) => api<ResponseBody<'listMyQuestionsToAnswer', 200>>(`${base(tenant)}/mine`, opt(signal));
export const answerQuestion = (tenant: string, id: string, text: string) =>
  api<ResponseBody<'answerQuestion', 200>>(`${base(tenant)}/${encodeURIComponent(id)}/answer`, { json: { text } satisfies RequestBody<'answerQuestion'> });
