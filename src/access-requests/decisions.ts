// SPDX-License-Identifier: EUPL-1.2
// decideAccessRequest: grant (the entries' documents are sent), grant in part (the redacted copies
// the officer uploads are sent), or refuse (with the legal basis and the right to appeal). Each
// decision is an outgoing registry entry, with the decision letter and any redacted copy as its
// documents, in the request's own case file (opened at the first decision; an appeal's decision
// goes into the same case), so the handling is itself on the record.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { conflict, invalid, notFound, ProblemError, type FieldError } from '../platform/http/problem.ts';
import type { TenantRef } from '../platform/http/auth.ts';
import { sendMail } from '../platform/mail/send.ts';
import { writeEvent } from '../platform/outbox.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { addDocument, createCaseFile, createRegistryEntry, documentsForAccess, type ArchiveCtx } from '../archive/service.ts';
import { findUnit } from '../units/service.ts';
import { decidedMail } from './mail.ts';
import { statusKey, statusUrl } from './links.ts';
import { insertRequestFile, selectEntriesOf, selectRequest, updateRequest, type Outcome, type RequestRow } from './repository.ts';

export interface RedactedCopy {
  fileName: string;
  mimeType: string;
  /** The file, base64-encoded. */
  content: string;
}

export interface Decision {
  outcome: Outcome;
  legalBasis?: string | undefined;
  explanation?: string | undefined;
  redactedCopies?: RedactedCopy[] | undefined;
}

const words = {
  NO: {
    caseTitle: (numbers: string) => `Innsynskrav – ${numbers}`,
    entryTitle: { granted: 'Svar på innsynskrav – innsyn gitt', 'partly-granted': 'Svar på innsynskrav – delvis innsyn', refused: 'Svar på innsynskrav – avslag' },
    appealTitle: { granted: 'Klage på avslag om innsyn – innsyn gitt', 'partly-granted': 'Klage på avslag om innsyn – delvis innsyn', refused: 'Klage på avslag om innsyn – avslag opprettholdt' },
    requester: 'Innsynskrevende',
    letter: (d: Decision, numbers: string) =>
      [`Svar på innsynskrav for ${numbers}.`, { granted: 'Innsyn er gitt.', 'partly-granted': 'Det er gitt delvis innsyn; opplysninger er sladdet.', refused: 'Kravet er avslått.' }[d.outcome],
        d.legalBasis ? `Hjemmel: ${d.legalBasis}.` : '', d.explanation ?? '', d.outcome === 'granted' ? '' : 'Avgjørelsen kan påklages innen tre uker, jf. offentleglova § 32.'].filter(Boolean).join('\n\n'),
  },
  SE: {
    caseTitle: (numbers: string) => `Begäran om allmän handling – ${numbers}`,
    entryTitle: { granted: 'Svar på begäran om allmän handling – lämnas ut', 'partly-granted': 'Svar på begäran om allmän handling – lämnas ut delvis', refused: 'Svar på begäran om allmän handling – avslag' },
    appealTitle: { granted: 'Omprövning – handlingen lämnas ut', 'partly-granted': 'Omprövning – lämnas ut delvis', refused: 'Omprövning – avslaget står fast' },
    requester: 'Sökande',
    letter: (d: Decision, numbers: string) =>
      [`Svar på begäran om allmän handling för ${numbers}.`, { granted: 'Handlingarna lämnas ut.', 'partly-granted': 'Handlingarna lämnas ut med maskeringar.', refused: 'Begäran avslås.' }[d.outcome],
        d.legalBasis ? `Grund: ${d.legalBasis}.` : '', d.explanation ?? '', d.outcome === 'granted' ? '' : 'Beslutet kan överklagas till kammarrätten inom tre veckor.'].filter(Boolean).join('\n\n'),
  },
} as const;

/** At most this much in redacted copies per decision (they travel base64-encoded in the JSON body). */
export const MAX_COPY_BYTES = 20 * 1024 * 1024;

function checkDecision(d: Decision): { errors: FieldError[]; copies: { fileName: string; mimeType: string; bytes: Buffer }[] } {
  const errors: FieldError[] = [];
  const copies: { fileName: string; mimeType: string; bytes: Buffer }[] = [];
  const basis = d.legalBasis?.trim();
  if (d.outcome !== 'granted' && !basis) errors.push({ field: 'legalBasis', code: 'required', message: 'name the legal basis for what is withheld, e.g. "Offl. § 13 jf. fvl. § 13 første ledd nr. 1"' });
  if (d.outcome === 'partly-granted' && !d.redactedCopies?.length) errors.push({ field: 'redactedCopies', code: 'required', message: 'upload the redacted copy that is sent' });
  if (d.outcome !== 'partly-granted' && d.redactedCopies?.length) errors.push({ field: 'redactedCopies', code: 'notAllowed', message: 'redacted copies belong to a partial grant only' });
  (d.redactedCopies ?? []).forEach((copy, i) => {
    const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(copy.content) && copy.content.length % 4 === 0 ? Buffer.from(copy.content, 'base64') : undefined;
    if (!bytes) errors.push({ field: `redactedCopies.${i}.content`, code: 'invalidFormat', message: 'must be the file in base64' });
    else if (!bytes.length) errors.push({ field: `redactedCopies.${i}.content`, code: 'emptyFile', message: 'the file is empty' });
    else copies.push({ fileName: copy.fileName.trim() || `redacted-${i + 1}`, mimeType: copy.mimeType, bytes });
    if (!copy.fileName.trim()) errors.push({ field: `redactedCopies.${i}.fileName`, code: 'required', message: 'must not be empty' });
  });
  if (copies.reduce((n, c) => n + c.bytes.length, 0) > MAX_COPY_BYTES) throw new ProblemError('payloadTooLarge', `the redacted copies are larger than ${MAX_COPY_BYTES} bytes together`);
  return { errors, copies };
}

/**
 * Records the decision in the municipality's transaction. The redacted copies are staged before and
 * enter the file store just before COMMIT (the caller commits them); a refused decision leaves nothing.
 */
export async function decideAccessRequest(
  tx: Tx,
  ctx: AppContext,
  c: ArchiveCtx & { tenant: TenantRef },
  requestId: string,
  decision: Decision,
  staged: StagedFile[],
): Promise<RequestRow> {
  const request = isUuid(requestId) ? await selectRequest(tx, requestId, { forUpdate: true }) : undefined;
  if (!request || request.status === 'unconfirmed') throw notFound(`access request ${requestId}`);
  if (request.status === 'decided') throw conflict('the request is decided already; an appeal comes as a new request in the queue');
  const { errors, copies } = checkDecision(decision);
  if (errors.length) throw invalid(errors);
  const w = words[c.tenant.country];
  const entries = await selectEntriesOf(tx, [request.id]);
  const numbers = entries.map((e) => e.registry_number).join(', ');

  // The request's case: the appealed request's case for an appeal, else one of its own.
  let caseFileId = request.case_file_id;
  if (!caseFileId && request.appeal_of) caseFileId = (await selectRequest(tx, request.appeal_of))?.case_file_id ?? null;
  if (!caseFileId) {
    const unit = request.unit_id ? await findUnit(tx, request.unit_id) : undefined;
    const kase = await createCaseFile(tx, c, { title: w.caseTitle(numbers), ...(unit && !unit.closedAt ? { responsibleUnitId: unit.id } : {}) });
    caseFileId = kase.id;
  }
  const title = (request.kind === 'appeal' ? w.appealTitle : w.entryTitle)[decision.outcome];
  const recipient = { name: request.requester_name ?? w.requester, kind: 'person' as const, role: 'recipient' as const, ...(request.requester_email ? { email: request.requester_email } : {}) };
  const registered = await createRegistryEntry(tx, { ...c, country: c.tenant.country, isSystem: false }, caseFileId, { type: 'outgoing', title, correspondents: [recipient] });
  const letter = Buffer.from(w.letter({ ...decision, legalBasis: decision.legalBasis?.trim() }, numbers) + '\n');
  const stagedLetter = await ctx.files.stage(Readable.from([letter]));
  staged.push(stagedLetter);
  await addDocument(tx, c, registered.entry.id, { title, relation: 'main', documentType: 'letter' }, { ...stagedLetter, fileName: 'svar.txt', mimeType: 'text/plain' });

  const files: { entryId: string | null; variant: 'original' | 'redacted'; fileName: string; mimeType: string; checksum: string; size: number }[] = [];
  if (decision.outcome === 'granted') {
    for (const e of entries) for (const d of await documentsForAccess(tx, e.registry_entry_id)) files.push({ entryId: e.registry_entry_id, variant: 'original', fileName: d.fileName, mimeType: d.mimeType, checksum: d.checksum, size: d.size });
  }
  for (const copy of copies) {
    const file = await ctx.files.stage(Readable.from([copy.bytes]));
    staged.push(file);
    // The copy that was sent is kept with the decision, as the redacted variant of the letter's attachment.
    await addDocument(tx, c, registered.entry.id, { title: copy.fileName, relation: 'attachment', variant: 'redacted', documentType: 'redacted-copy' }, { ...file, fileName: copy.fileName, mimeType: copy.mimeType });
    files.push({ entryId: null, variant: 'redacted', fileName: copy.fileName, mimeType: copy.mimeType, checksum: file.checksum, size: file.size });
  }
  for (const f of files)
    await insertRequestFile(tx, { id: newId(), tenant_id: request.tenant_id, request_id: request.id, registry_entry_id: f.entryId, variant: f.variant, file_name: f.fileName, mime_type: f.mimeType, checksum: f.checksum, size: f.size, created_at: c.at });

  const decided: RequestRow = {
    ...request, status: 'decided', outcome: decision.outcome, legal_basis: decision.legalBasis?.trim() || null, explanation: decision.explanation?.trim() || null,
    decided_at: c.at, decided_by: c.actor, case_file_id: caseFileId, decision_entry_id: registered.entry.id, updated_at: c.at,
  };
  await updateRequest(tx, request.id, { status: 'decided', outcome: decided.outcome, legal_basis: decided.legal_basis, explanation: decided.explanation, decided_at: c.at, decided_by: c.actor, case_file_id: caseFileId, decision_entry_id: registered.entry.id, updated_at: c.at });
  await writeEvent(tx, { tenantId: request.tenant_id, type: 'access-request.decided', aggregateType: 'access-request', aggregateId: request.id, payload: { outcome: decision.outcome, registryEntryId: registered.entry.id }, at: c.at });
  if (request.requester_email) {
    const key = await statusKey(ctx.config, request.order_id);
    await sendMail(tx, { to: request.requester_email, template: decidedMail, language: request.language, tenantId: request.tenant_id, at: c.at, key: `access-decided:${request.id}`,
      params: { municipality: c.tenant.name, entries: entries.map((e) => `${e.registry_number} ${e.public_title}`).join('\n'), outcome: decision.outcome, legalBasis: decided.legal_basis ?? '', url: statusUrl(ctx.config, request.order_id, key) } });
  }
  return decided;
}
