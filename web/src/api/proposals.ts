// SPDX-License-Identifier: EUPL-1.2
// The citizen proposals API (issue 11 §1), one function per operationId. The types are written here
// until docs/openapi.json is regenerated with these operations (then they can come from schema.d.ts).
import { api, query } from './client.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;
const id = encodeURIComponent;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export type ProposalStatus = 'open' | 'reached' | 'on-agenda' | 'decided' | 'lapsed' | 'withdrawn';
export const proposalStatuses: readonly ProposalStatus[] = ['open', 'reached', 'on-agenda', 'decided', 'lapsed', 'withdrawn'];

interface ProposalCommon {
  id: string;
  title: string;
  body: string;
  authorName: string;
  status: ProposalStatus;
  threshold: number;
  signatureCount: number;
  progressPercent: number;
  closesAt: string;
  reachedAt: string | null;
  bodyId: string | null;
  caseFileId: string | null;
  caseNumber: string | null;
  decisionDueOn: string | null;
  agendaItemId: string | null;
  decisionText: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
/** As the public sees it (getProposal, listProposals). */
export interface PublicProposal extends ProposalCommon { caseUrl: string | null; meetingId: string | null }
/** As its author or the secretariat sees it (createProposal, signProposal, the staff list). */
export interface Proposal extends ProposalCommon { registryEntryId: string | null; mine: boolean }
export interface MySignature { proposalId: string; signed: boolean; signedAt: string | null; source: string | null; notifyEmail: string | null; mine: boolean }
export interface ParticipationSettings {
  inhabitants: number | null;
  proposalThreshold: number | null;
  signingDays: number;
  proposalBodyId: string | null;
  threshold: number | null;
  rule: 'override' | 'two-percent' | 'missing';
  updatedAt: string | null;
}

export const listProposals = (t: string, params: { status?: ProposalStatus; q?: string; cursor?: string; limit?: number }, s?: AbortSignal) =>
  api<{ items: PublicProposal[]; nextCursor: string | null }>(`${base(t)}/proposals${query(params)}`, opt(s));
export const getProposal = (t: string, proposalId: string, s?: AbortSignal) => api<PublicProposal>(`${base(t)}/proposals/${id(proposalId)}`, opt(s));
export const listMyProposals = (t: string, s?: AbortSignal) => api<{ items: Proposal[] }>(`${base(t)}/proposals/mine`, opt(s));
export const createProposal = (t: string, input: { title: string; body: string; notifyEmail?: string }) => api<Proposal>(`${base(t)}/proposals`, { json: input });
export const signProposal = (t: string, proposalId: string, input: { notifyEmail?: string }) => api<Proposal>(`${base(t)}/proposals/${id(proposalId)}/signatures`, { json: input });
export const getMyProposalSignature = (t: string, proposalId: string, s?: AbortSignal) => api<MySignature>(`${base(t)}/proposals/${id(proposalId)}/my-signature`, opt(s));
export const registerPaperSignatures = (t: string, proposalId: string, signatures: { name: string; identityNumber: string }[]) =>
  api<Proposal>(`${base(t)}/proposals/${id(proposalId)}/paper-signatures`, { json: { signatures } });
export const listProposalsForStaff = (t: string, s?: AbortSignal) => api<{ items: Proposal[] }>(`${base(t)}/proposals/staff`, opt(s));
export const getParticipationSettings = (t: string, s?: AbortSignal) => api<ParticipationSettings>(`${base(t)}/participation/settings`, opt(s));
export const updateParticipationSettings = (t: string, input: { inhabitants?: number | null; proposalThreshold?: number | null; signingDays?: number; proposalBodyId?: string | null }) =>
  api<ParticipationSettings>(`${base(t)}/participation/settings`, { method: 'PUT', json: input });
