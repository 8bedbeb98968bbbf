// SPDX-License-Identifier: EUPL-1.2
// My cases: the archive says which cases are the person's and what of them they may see
// (archive/party-cases.ts); here the expected decision date, and sending more documents to a case.
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import { conflict, notFound } from '../platform/http/problem.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { addDocument, caseOfParty, createRegistryEntry, dateIn, decisionHistory, type ArchiveCtx, type DecisionHistory, type PartyCaseSummary } from '../archive/service.ts';
import { checkFiles, stageFiles } from './files.ts';
import type { AddDocumentsBody } from './schema.ts';

/** Finished cases of a class needed before the municipality's own history is shown instead of the stated time. */
export const MIN_FINISHED_CASES = 10;
/**
 * The stated processing time until there is enough history: one month, the time within which
 * forvaltningsloven § 11 a expects an answer or a preliminary reply. A form's own stated time
 * (issue 9 §1, the forms slice) is passed in its place when the case came from a form.
 */
export const STATED_PROCESSING_DAYS = 30;

export interface ExpectedDecision {
  basis: 'history' | 'stated' | 'decided';
  finishedCases: number;
  medianDays: number | null;
  p80Days: number | null;
  from: string | null;
  to: string | null;
}

const addDays = (day: string, days: number): string => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Math.ceil(days));
  return d.toISOString().slice(0, 10);
};

export const isOpen = (status: string): boolean => status === 'in-progress';

/** The expected decision as a range of dates: median to 80th percentile of finished cases like it. */
export function expectedDecision(kase: Pick<PartyCaseSummary, 'caseDate' | 'status' | 'closedAt'>, history: DecisionHistory, timeZone: string, statedDays = STATED_PROCESSING_DAYS): ExpectedDecision {
  const figures = { finishedCases: history.finished, medianDays: history.medianDays, p80Days: history.p80Days };
  if (!isOpen(kase.status)) {
    const day = kase.closedAt ? dateIn(kase.closedAt, timeZone) : null;
    return { basis: 'decided', ...figures, from: day, to: day };
  }
  if (history.finished >= MIN_FINISHED_CASES && history.medianDays !== null && history.p80Days !== null)
    return { basis: 'history', ...figures, from: addDays(kase.caseDate, history.medianDays), to: addDays(kase.caseDate, history.p80Days) };
  const stated = addDays(kase.caseDate, statedDays);
  return { basis: 'stated', ...figures, from: stated, to: stated };
}

/** The expected decision of each case, reading each class's history once. */
export async function expectedDecisions(tx: Tx, cases: readonly PartyCaseSummary[], timeZone: string): Promise<Map<string, ExpectedDecision>> {
  const histories = new Map<string, DecisionHistory>();
  const out = new Map<string, ExpectedDecision>();
  for (const c of cases) {
    const key = c.classId ?? `series:${c.seriesId}`;
    let history = histories.get(key);
    if (!history) histories.set(key, (history = await decisionHistory(tx, { classId: c.classId, seriesId: c.seriesId }, timeZone)));
    out.set(c.id, expectedDecision(c, history, timeZone));
  }
  return out;
}

export interface Person {
  identityNumbers: string[];
  name: string;
}

/**
 * Registers the documents as one incoming letter from the person in their case: refused with 404
 * when the case is not theirs, 409 when it is finished. The files are checked by content first.
 */
export async function addDocumentsToMyCase(tx: Tx, ctx: AppContext, c: ArchiveCtx & { country: 'NO' | 'SE'; timeZone: string }, person: Person, caseFileId: string, body: AddDocumentsBody, staged: StagedFile[]) {
  const files = checkFiles(body.files, 'files');
  const kase = await caseOfParty(tx, person.identityNumbers, caseFileId);
  if (!kase) throw notFound(`case file ${caseFileId} among your cases`);
  if (!isOpen(kase.status)) throw conflict(`case ${kase.caseNumber} is finished (${kase.status}): documents can no longer be added to it; contact the municipality or send a new application`);
  const registered = await createRegistryEntry(tx, { ...c, isSystem: false }, caseFileId, {
    type: 'incoming',
    title: body.title?.trim() || `Ettersendte dokumenter til sak ${kase.caseNumber}`,
    receivedDate: dateIn(c.at, c.timeZone),
    correspondents: [{ kind: 'person', role: 'sender', name: person.name.slice(0, 500) || 'Innbygger', identityNumber: person.identityNumbers[0] }],
  });
  const stored = await stageFiles(ctx, files, staged);
  const documents = [];
  for (const [i, file] of stored.entries()) {
    const { document, object } = await addDocument(tx, c, registered.entry.id, { relation: i === 0 ? 'main' : 'attachment', title: file.fileName.replace(/\.[^.]+$/, '') || file.fileName }, file);
    documents.push({ id: document.id, fileName: object.file_name, mimeType: object.mime_type, size: Number(object.size), checksum: object.checksum });
  }
  return { registryEntryId: registered.entry.id, documentNumber: `${kase.caseNumber}-${registered.entry.number_in_case}`, documents };
}
