// SPDX-License-Identifier: EUPL-1.2
// The citizen proposals API (issue 11 §1), one function per operationId. Requests and answers are
// the generated types of docs/openapi.json (schema.d.ts); a proposal's status and the threshold's
// rule are `string` there (CHECK lists in the tables) and narrowed here to the unions the screens
// pick their texts by.
import { api, query } from './client.ts';
import type { Item, Narrow, QueryParams, RequestBody, ResponseBody } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;
const id = encodeURIComponent;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export type ProposalStatus = 'open' | 'reached' | 'on-agenda' | 'decided' | 'lapsed' | 'withdrawn';
export const proposalStatuses: readonly ProposalStatus[] = ['open', 'reached', 'on-agenda', 'decided', 'lapsed', 'withdrawn'];

/** As the public sees it (getProposal, listProposals). */
export type PublicProposal = Narrow<ResponseBody<'getProposal', 200>, { status: ProposalStatus }>;
/** As its author or the secretariat sees it (createProposal, signProposal, the staff list). */
export type Proposal = Narrow<ResponseBody<'createProposal', 201>, { status: ProposalStatus }>;
export type MySignature = ResponseBody<'getMyProposalSignature', 200>;
export type ParticipationSettings = Narrow<ResponseBody<'getParticipationSettings', 200>, { rule: 'override' | 'two-percent' | 'missing' }>;

// The lists answer the same shapes as the single operations (checked here, so a drift fails the typecheck).
export const sameShapes: [
  ResponseBody<'listProposals', 200>['items'][number] extends ResponseBody<'getProposal', 200> ? true : false,
  Item<ResponseBody<'listMyProposals', 200>['items']> extends ResponseBody<'createProposal', 201> ? true : false,
  Item<ResponseBody<'listProposalsForStaff', 200>['items']> extends ResponseBody<'createProposal', 201> ? true : false,
  ResponseBody<'signProposal', 201> extends ResponseBody<'createProposal', 201> ? true : false,
  ResponseBody<'registerPaperSignatures', 201> extends ResponseBody<'createProposal', 201> ? true : false,
] = [true, true, true, true, true];

type Items<T> = { items: T[] };

export const listProposals = (t: string, params: QueryParams<'listProposals'> & { status?: ProposalStatus }, s?: AbortSignal) =>
  api<{ items: PublicProposal[]; nextCursor: string | null }>(`${base(t)}/proposals${query(params)}`, opt(s));
export const getProposal = (t: string, proposalId: string, s?: AbortSignal) => api<PublicProposal>(`${base(t)}/proposals/${id(proposalId)}`, opt(s));
export const listMyProposals = (t: string, s?: AbortSignal) => api<Items<Proposal>>(`${base(t)}/proposals/mine`, opt(s));
export const createProposal = (t: string, input: RequestBody<'createProposal'>) => api<Proposal>(`${base(t)}/proposals`, { json: input });
export const signProposal = (t: string, proposalId: string, input: RequestBody<'signProposal'>) => api<Proposal>(`${base(t)}/proposals/${id(proposalId)}/signatures`, { json: input });
export const getMyProposalSignature = (t: string, proposalId: string, s?: AbortSignal) => api<MySignature>(`${base(t)}/proposals/${id(proposalId)}/my-signature`, opt(s));
export const registerPaperSignatures = (t: string, proposalId: string, signatures: RequestBody<'registerPaperSignatures'>['signatures']) =>
  api<Proposal>(`${base(t)}/proposals/${id(proposalId)}/paper-signatures`, { json: { signatures } });
export const listProposalsForStaff = (t: string, s?: AbortSignal) => api<Items<Proposal>>(`${base(t)}/proposals/staff`, opt(s));
export const getParticipationSettings = (t: string, s?: AbortSignal) => api<ParticipationSettings>(`${base(t)}/participation/settings`, opt(s));
export const updateParticipationSettings = (t: string, input: RequestBody<'updateParticipationSettings'>) =>
  api<ParticipationSettings>(`${base(t)}/participation/settings`, { method: 'PUT', json: input });
