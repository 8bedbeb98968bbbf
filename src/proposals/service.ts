// SPDX-License-Identifier: EUPL-1.2
// The proposals module's service interface: what the participation pages, the demo and tests may
// call. The pages read only the public projection (public-read.ts, under withPublic).
export { listPublicProposals, getPublicProposal, countPublicProposals, type PublicProposal, type ProposalFilter } from './public-read.ts';
export { progressPercent, thresholdFor, decisionDueOn } from './rules.ts';
export { createProposal, signProposal, registerPaperSignatures, updateSettings, proposalChanged, type ProposalCtx } from './proposals.ts';
export type { ProposalStatus } from './tables.ts';
