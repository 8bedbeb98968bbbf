// SPDX-License-Identifier: EUPL-1.2
// The threshold reached (issue 11 §1): the proposal becomes the political case itself, in the same
// transaction as the signature that reached it — a case for the deciding body (its unit
// responsible), the proposal filed as an incoming letter from its author with the text and the
// number of signatures as its document (never the signers or their identity numbers), and the
// statutory deadline for the decision.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { addDocument, createCaseFile, createRegistryEntry, dateIn, formatNumber } from '../archive/service.ts';
import { listBodies } from '../council/service.ts';
import type { ProposalCtx } from './proposals.ts';
import * as repo from './repository.ts';
import { decisionDueOn } from './rules.ts';

const words = {
  NO: { prefix: 'Innbyggerforslag', author: 'Forslagsstiller', created: 'Opprettet', signatures: 'Antall underskrifter', threshold: 'Krav til antall underskrifter', reached: 'Nådd', due: 'Frist for vedtak', law: 'Kommuneloven § 12-1' },
  SE: { prefix: 'Medborgarförslag', author: 'Förslagsställare', created: 'Skapat', signatures: 'Antal underskrifter', threshold: 'Krav på antal underskrifter', reached: 'Uppnått', due: 'Beslut senast', law: 'Kommunallagen 8 kap. 1 §' },
} as const;

export interface Reached {
  changes: Pick<repo.ProposalRow, 'status' | 'reached_at' | 'body_id' | 'case_file_id' | 'registry_entry_id' | 'decision_due_on'>;
  caseNumber: string;
}

export async function reach(tx: Tx, ctx: AppContext, c: ProposalCtx, p: repo.ProposalRow, staged: StagedFile[]): Promise<Reached> {
  const w = words[c.tenant.country];
  const settings = await repo.selectSettings(tx);
  const body = settings?.proposal_body_id ? (await listBodies(tx)).find((b) => b.id === settings.proposal_body_id) : undefined;
  const a = { tenantId: c.tenant.id, actor: c.actor, at: c.at };
  const title = `${w.prefix}: ${p.title}`;
  const input = { title, description: `${w.law}. ${w.signatures}: ${p.signature_count} (${w.threshold}: ${p.threshold}).` };
  let caseFile;
  try {
    caseFile = await createCaseFile(tx, a, { ...input, ...(body?.unit_id ? { responsibleUnitId: body.unit_id } : {}) });
  } catch (error) {
    // A body's unit closed since it was chosen is checked before anything is written: file the case
    // without a unit rather than refuse the citizen's signature; the archivist assigns it.
    if (!(error instanceof ProblemError) || error.code !== 'validation' || !body?.unit_id) throw error;
    caseFile = await createCaseFile(tx, a, input);
  }
  const caseNumber = formatNumber(caseFile.case_year, caseFile.case_sequence);
  const author = await repo.selectUser(tx, p.author_user_id);
  const sender = { name: p.author_name, kind: 'person' as const, role: 'sender' as const, ...(author?.identity_number ? { identityNumber: author.identity_number } : {}) };
  const registered = await createRegistryEntry(tx, { ...a, country: c.tenant.country, isSystem: false }, caseFile.id, {
    type: 'incoming', title, receivedDate: dateIn(c.at), correspondents: [sender], description: `${w.signatures}: ${p.signature_count}.`,
  });
  const reachedOn = dateIn(c.at);
  const due = decisionDueOn(reachedOn, c.tenant.country);
  const text = [
    title, '', p.body, '',
    `${w.author}: ${p.author_name}`, `${w.created}: ${dateIn(p.created_at)}`, `${w.signatures}: ${p.signature_count}`, `${w.threshold}: ${p.threshold}`,
    `${w.reached}: ${reachedOn}`, `${w.due}: ${due} (${w.law})`, '',
  ].join('\n');
  const file = await ctx.files.stage(Readable.from([Buffer.from(text, 'utf8')]));
  staged.push(file);
  await addDocument(tx, a, registered.entry.id, { title, relation: 'main', documentType: 'letter' }, { ...file, fileName: c.tenant.country === 'NO' ? 'innbyggerforslag.txt' : 'medborgarforslag.txt', mimeType: 'text/plain' });
  return {
    changes: { status: 'reached', reached_at: c.at, body_id: body?.id ?? null, case_file_id: caseFile.id, registry_entry_id: registered.entry.id, decision_due_on: due },
    caseNumber,
  };
}
