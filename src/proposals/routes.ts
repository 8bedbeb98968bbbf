// SPDX-License-Identifier: EUPL-1.2
// The proposals API (issue 11 §1, §4; contract: /participation-contract.md). listProposals and
// getProposal are public and read only the projection; the citizen writes and signs; the
// secretariat sets the rule, registers paper lists and sees every proposal with its case.
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic, withTenant, type Tx } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { ProblemError } from '../platform/http/problem.ts';
import type { Role } from '../platform/http/auth.ts';
import { publicViewOfCaseFile } from '../archive/service.ts';
import { createProposal, mySignature, registerPaperSignatures, signProposal, updateSettings, type ProposalCtx } from './proposals.ts';
import { getPublicProposal, listPublicProposals } from './public-read.ts';
import * as repo from './repository.ts';
import { progressPercent, thresholdFor } from './rules.ts';
import {
  CreateBody, ListQuery, MySignatureOut, PaperBody, ProposalList, ProposalOut, ProposalParams, PublicProposalList, PublicProposalOut, SettingsBody, SettingsOut, SignBody, StaffListQuery, TenantOnly,
} from './schema.ts';

const tags = ['proposals'];
const secretariat: readonly Role[] = ['secretariat', 'tenant-admin'];
const citizen: readonly Role[] = ['citizen'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The request's work in its municipality's transaction. Files staged by the work (the proposal's
 * document, when the threshold is reached) enter the store just before COMMIT; a refusal leaves none.
 */
async function inProposals<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: ProposalCtx, staged: StagedFile[]) => Promise<T>): Promise<T> {
  const { tenant, principal } = request;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in');
  const staged: StagedFile[] = [];
  try {
    return await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, async (tx) => {
      const result = await work(tx, { tenant, actor: `${principal.kind}:${principal.id}:${principal.name}`, at: ctx.clock.now() }, staged);
      for (const file of staged) await file.commit();
      return result;
    });
  } finally {
    for (const file of staged) await file.discard();
  }
}

async function present(tx: Tx, p: repo.ProposalRow, userId: string | undefined) {
  // Staff see the case's number as the archive gives it publicly (a proposal's case is public).
  const view = p.case_file_id ? await publicViewOfCaseFile(tx, p.case_file_id) : null;
  return {
    id: p.id, title: p.title, body: p.body, authorName: p.author_name, status: p.status, threshold: p.threshold, signatureCount: p.signature_count,
    progressPercent: progressPercent(p.signature_count, p.threshold), closesAt: p.closes_at.toISOString(), reachedAt: iso(p.reached_at), bodyId: p.body_id,
    caseFileId: p.case_file_id, caseNumber: view?.caseFile?.caseNumber ?? null, registryEntryId: p.registry_entry_id, decisionDueOn: p.decision_due_on,
    agendaItemId: p.agenda_item_id, decisionText: p.decision_text, decidedAt: iso(p.decided_at), mine: userId !== undefined && p.author_user_id === userId,
    createdAt: p.created_at.toISOString(), updatedAt: p.updated_at.toISOString(),
  };
}

function presentSettings(country: 'NO' | 'SE', s: repo.SettingsRow | undefined) {
  const threshold = thresholdFor(country, s && { inhabitants: s.inhabitants, proposalThreshold: s.proposal_threshold });
  return {
    inhabitants: s?.inhabitants ?? null, proposalThreshold: s?.proposal_threshold ?? null, signingDays: s?.signing_days ?? 180, proposalBodyId: s?.proposal_body_id ?? null,
    threshold, rule: threshold === null ? 'missing' : s?.proposal_threshold ? 'override' : 'two-percent', updatedAt: iso(s?.updated_at ?? null),
  };
}

const userIdOf = (request: FastifyRequest) => (request.principal?.kind === 'user' ? request.principal.id : undefined);

export async function proposalRoutes(app: App, ctx: AppContext): Promise<void> {
  const base = '/api/v1/:tenant/proposals';
  app.get(base, {
    config: { access: 'public' }, schema: { operationId: 'listProposals', tags, security: [], summary: 'Citizen proposals, newest first: open for signing, reached, on an agenda, decided (filter by status, search words)', params: TenantOnly, querystring: ListQuery, response: { 200: PublicProposalList } },
  }, async (request) => withPublic(ctx.db, (tx) => listPublicProposals(tx, request.tenant!, request.query)));

  // Before /:proposalId, so that "staff" is never taken for an id.
  app.get(`${base}/staff`, {
    config: { roles: secretariat }, schema: { operationId: 'listProposalsForStaff', tags, summary: 'Every proposal of the municipality with its status and the case it became', params: TenantOnly, querystring: StaffListQuery, response: { 200: ProposalList } },
  }, async (request) => inProposals(ctx, request, async (tx) => ({ items: await Promise.all((await repo.selectProposals(tx, { status: request.query.status, limit: 1000 })).map((p) => present(tx, p, undefined))) })));

  app.get(`${base}/mine`, {
    config: { roles: citizen }, schema: { operationId: 'listMyProposals', tags, summary: 'The proposals I wrote', params: TenantOnly, response: { 200: ProposalList } },
  }, async (request) => inProposals(ctx, request, async (tx) => {
    const userId = userIdOf(request);
    const rows = userId ? await repo.selectProposals(tx, { authorUserId: userId, limit: 200 }) : [];
    return { items: await Promise.all(rows.map((p) => present(tx, p, userId))) };
  }));

  app.get(`${base}/:proposalId`, {
    config: { access: 'public' }, schema: { operationId: 'getProposal', tags, security: [], summary: 'A proposal: its text, author, signatures against the threshold, status, the case it became, the deadline, the meeting and the decision', params: ProposalParams, response: { 200: PublicProposalOut } },
  }, async (request) => withPublic(ctx.db, (tx) => getPublicProposal(tx, request.tenant!, request.params.proposalId)));

  app.post(base, {
    config: { roles: citizen }, schema: { operationId: 'createProposal', tags, summary: 'Write a proposal to the municipality; your own e-ID signature is its first', description: 'Needs a login with electronic ID (level substantial or high). The threshold is fixed now from the participation settings; without them the municipality takes no proposals (409).', params: TenantOnly, body: CreateBody, response: { 201: ProposalOut } },
  }, async (request, reply) => reply.status(201).send(await inProposals(ctx, request, async (tx, c, staged) => present(tx, await createProposal(tx, ctx, c, request.principal!, request.body, staged), userIdOf(request)))));

  app.post(`${base}/:proposalId/signatures`, {
    config: { roles: citizen }, schema: { operationId: 'signProposal', tags, summary: 'Sign a proposal with your e-ID login: one signature per person, never published', description: 'Refused: signing twice (409), for someone else (403), a proposal no longer open — reached, on an agenda, decided, lapsed or withdrawn (409). A refusal writes nothing.', params: ProposalParams, body: SignBody, response: { 201: ProposalOut } },
  }, async (request, reply) => reply.status(201).send(await inProposals(ctx, request, async (tx, c, staged) => present(tx, await signProposal(tx, ctx, c, request.principal!, request.params.proposalId, request.body, staged), userIdOf(request)))));

  app.get(`${base}/:proposalId/my-signature`, {
    config: { roles: citizen }, schema: { operationId: 'getMyProposalSignature', tags, summary: 'Whether I have signed the proposal (by my identity number: a paper signature counts)', params: ProposalParams, response: { 200: MySignatureOut } },
  }, async (request) => inProposals(ctx, request, (tx, c) => mySignature(tx, request.principal!, request.params.proposalId, c.tenant.country)));

  app.post(`${base}/:proposalId/paper-signatures`, {
    config: { roles: secretariat }, schema: { operationId: 'registerPaperSignatures', tags, summary: 'Register signatures collected on paper: every identity number checked, duplicates (signed already, or twice in the list) refused by index', params: ProposalParams, body: PaperBody, response: { 201: ProposalOut } },
  }, async (request, reply) => reply.status(201).send(await inProposals(ctx, request, async (tx, c, staged) => {
    const p = await registerPaperSignatures(tx, ctx, { ...c, userId: userIdOf(request) ?? null }, request.params.proposalId, request.body.signatures, staged);
    return present(tx, p, undefined);
  })));

  app.get('/api/v1/:tenant/participation/settings', {
    config: { roles: secretariat }, schema: { operationId: 'getParticipationSettings', tags, summary: 'The threshold rule and the deciding body for citizen proposals', params: TenantOnly, response: { 200: SettingsOut } },
  }, async (request) => inProposals(ctx, request, async (tx, c) => presentSettings(c.tenant.country, await repo.selectSettings(tx))));
  app.put('/api/v1/:tenant/participation/settings', {
    config: { roles: secretariat }, schema: { operationId: 'updateParticipationSettings', tags, summary: 'Set the threshold rule (inhabitants for Norway’s 2 %/300, or the own number) and the deciding body', params: TenantOnly, body: SettingsBody, response: { 200: SettingsOut } },
  }, async (request) => inProposals(ctx, request, async (tx, c) => presentSettings(c.tenant.country, await updateSettings(tx, c, request.body))));

}
