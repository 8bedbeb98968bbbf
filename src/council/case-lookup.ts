// SPDX-License-Identifier: EUPL-1.2
// The secretariat's narrow lookup of the political case for an agenda item (issue 10 §1): it may not
// search the archive, so it gets what the agenda will show anyway — the case number, the public
// (screened) title, the status and the case's public entries that may serve as its presentation —
// read through the archive's service in the municipality's transaction (RLS: never another's case).
// A text query must match the public title, so the lookup never tells which screened words a case has.
import type { Tx } from '../platform/db/transaction.ts';
import { formatNumber, listCaseFiles, publicViewOfCaseFile } from '../archive/service.ts';

export interface CaseCandidate {
  id: string;
  caseNumber: string;
  title: string;
  status: string;
  caseDate: string;
  presentations: { id: string; registryNumber: string; title: string; type: string; documentDate: string | null }[];
}

const LIMIT = 20;
const words = (text: string) => text.toLocaleLowerCase().split(/\s+/).filter(Boolean);

export async function listPoliticalCaseCandidates(tx: Tx, query: { q?: string | undefined }): Promise<CaseCandidate[]> {
  const q = query.q?.trim();
  const byNumber = !!q && /^\d{4}\/\d+$/.test(q);
  // A few more than shown: some found by words of the unscreened title drop out below.
  const { rows } = await listCaseFiles(tx, { ...(q ? { q } : {}), limit: LIMIT * 3 });
  const found: CaseCandidate[] = [];
  for (const row of rows) {
    if (row.status === 'void') continue;
    const view = await publicViewOfCaseFile(tx, row.id);
    if (!view) continue;
    const title = view.caseFile?.publicTitle ?? '*****';
    if (q && !byNumber && !words(q).every((w) => title.toLocaleLowerCase().includes(w))) continue;
    found.push({
      id: row.id,
      caseNumber: formatNumber(row.case_year, row.case_sequence),
      title,
      status: row.status,
      caseDate: row.case_date,
      presentations: view.entries.map((e) => ({ id: e.id, registryNumber: e.registryNumber, title: e.publicTitle, type: e.entryType, documentDate: e.documentDate })),
    });
    if (found.length === LIMIT) break;
  }
  return found;
}
