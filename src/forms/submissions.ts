// SPDX-License-Identifier: EUPL-1.2
// submitForm (issue 9 §2): ONE transaction files the submission into the archive. The answers are
// checked with the form's own JSON Schema and the attachments by their content; then a case file is
// opened in the form's class and unit with the citizen as party, an incoming entry journalised, the
// answers stored as JSON and as a PDF, the attachments and the receipt added as documents, the
// submission recorded, the draft dropped, `form.submitted` written to the outbox and the receipt
// mail scheduled. Any refusal before COMMIT leaves no row, no number and no file.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import type { Principal, TenantRef } from '../platform/http/auth.ts';
import { conflict, forbidden, invalid, notFound, ProblemError, type FieldError } from '../platform/http/problem.ts';
import { fieldErrors } from '../platform/http/validation.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { writeEvent } from '../platform/outbox.ts';
import { isMailAddress, sendMail } from '../platform/mail/send.ts';
import { parseIdentityNumber } from '../common/idnumbers.ts';
import { addDocument, createCaseFile, createRegistryEntry, dateIn, formatNumber, type DetectedFormat } from '../archive/service.ts';
import { answersValidator, caseTitleOf, optionLabel, type FormDefinition, type LayoutField } from './definition.ts';
import { deleteDraft, insertSubmission, selectDraft, selectForm, selectPerson, selectVersion, type SubmissionAttachment, type SubmissionRow } from './repository.ts';
import { receiptMail } from './mail.ts';
import { renderPdf, type PdfLine } from './pdf.ts';
import { words } from './words.ts';
import { canonicalJson, sha256, signingOf, type SignatureRow } from '../signing/service.ts';

/** What is signed: the form, its version and the answers, as canonical JSON. */
export const contentHash = (formId: string, version: number, answers: unknown): string => sha256(canonicalJson({ formId, version, answers }));

export const channels = ['paper', 'phone', 'counter'] as const;
const staffRoles = ['case-officer', 'archivist', 'tenant-admin', 'politician'] as const;

export interface SubmitInput {
  formId: string;
  version?: number | undefined;
  answers: Record<string, unknown>;
  onBehalfOf?: { nationalId: string; name?: string | undefined; channel: (typeof channels)[number] } | undefined;
  /**
   * A report through an open API (Open311): the municipality's API key vouches for the app, not for
   * the person, who is not logged in and gives a name and address only if they wish.
   */
  reporter?: { name?: string | undefined; email?: string | undefined; channel: 'open311' } | undefined;
  /**
   * Nobody logged in (submitFormAnonymously): only a form whose login level is `none` takes it; the
   * party is the e-mail address given for the receipt, or "anonymous".
   */
  anonymous?: { email?: string | undefined } | undefined;
}

/** Who submits when nobody is logged in: a principal no token or session can be. */
export const anonymousPrincipal: Principal = { kind: 'system', id: 'anonymous', name: 'anonymous', roles: [] };

/** A file received with the submission, staged (not yet in the store) with its detected format. */
export interface ReceivedFile {
  field: string;
  index: number;
  fileName: string;
  claimedType: string;
  staged: StagedFile;
  detected: DetectedFormat;
}

/** PRONOM id → the MIME type the content really is. */
const typeOfFormat: Record<string, string> = {
  'fmt/11': 'image/png', 'fmt/43': 'image/jpeg', 'fmt/353': 'image/tiff', 'x-fmt/111': 'text/plain', 'fmt/290': 'application/vnd.oasis.opendocument.text',
  'fmt/412': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
export const contentType = (d: DetectedFormat): string => (d.details?.startsWith('PDF') ? 'application/pdf' : (typeOfFormat[d.format] ?? 'application/octet-stream'));

export const ownerOf = (p: Principal): string => `${p.kind}:${p.id}`;
export const isStaff = (p: Principal): boolean => p.roles.some((r) => (staffRoles as readonly string[]).includes(r));

/** The form and version a submission is made with: the published one; any other is refused. */
export async function formToSubmit(tx: Tx, formId: string, version: number | undefined): Promise<{ formId: string; version: number; definition: FormDefinition }> {
  const form = isUuid(formId) ? await selectForm(tx, formId) : undefined;
  if (!form) throw notFound(`form ${formId}`);
  if (version !== undefined && !(await selectVersion(tx, form.id, version))) throw invalid([{ field: 'version', code: 'notFound', message: `the form has no version ${version}` }]);
  if (form.published_version === null) throw conflict('the form is not published: it cannot be submitted');
  if (version !== undefined && version !== form.published_version) throw conflict(`the form has changed since version ${version}: load version ${form.published_version} and submit again`);
  const row = (await selectVersion(tx, form.id, form.published_version))!;
  return { formId: form.id, version: row.version, definition: row.definition };
}

function checkAttachments(d: FormDefinition, files: ReceivedFile[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const rule of d.attachments) {
    const mine = files.filter((f) => f.field === rule.field);
    if (rule.required && !mine.length) errors.push({ field: `attachments.${rule.field}`, code: 'required', message: 'attach at least one file' });
    if (mine.length > rule.maxFiles) errors.push({ field: `attachments.${rule.field}`, code: 'tooMany', message: `at most ${rule.maxFiles} files` });
  }
  for (const f of files) {
    const at = `attachments.${f.field}.${f.index}`;
    const rule = d.attachments.find((r) => r.field === f.field);
    if (!rule) errors.push({ field: `attachments.${f.field}`, code: 'unexpectedFile', message: 'the form takes no files in this field' });
    else if (f.staged.size === 0) errors.push({ field: at, code: 'emptyFile', message: 'the file is empty' });
    // By the content, not the name or the claimed type: a PNG named .pdf is a PNG.
    else if (!rule.types.includes(contentType(f.detected))) errors.push({ field: at, code: 'notAllowed', message: `the file's content is ${contentType(f.detected)}; allowed: ${rule.types.join(', ')}` });
    else if (f.staged.size > rule.maxBytes) throw new ProblemError('payloadTooLarge', `${f.fileName} is larger than ${rule.maxBytes} bytes, the limit of "${rule.field}"`);
  }
  return errors;
}

/** The answers as "label: value" lines, in the order of the layout. */
function answerLines(d: FormDefinition, language: 'nb' | 'nn' | 'sv' | 'en', answers: Record<string, unknown>): PdfLine[] {
  const w = words[language];
  const show = (v: unknown): string => (v === true ? w.yes : v === false ? w.no : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  // A choice reads as its label (several choices as a list of them), never as the stored value.
  const shown = (f: LayoutField, v: unknown): string =>
    f.options && Array.isArray(v) ? v.map((one) => optionLabel(f, one, language) ?? show(one)).join(', ') : (optionLabel(f, v, language) ?? show(v));
  const lines: PdfLine[] = [];
  const field = (f: LayoutField, values: Record<string, unknown>, prefix: string) => {
    const value = values[f.field];
    if (f.items && Array.isArray(value)) {
      lines.push({ text: `${prefix}${f.label[language]}`, heading: true });
      value.forEach((item, i) => {
        for (const sub of f.items!) field(sub, (item ?? {}) as Record<string, unknown>, `${prefix}${f.label[language]} ${i + 1}: `);
      });
    } else if (value !== undefined) lines.push({ label: `${prefix}${f.label[language]}`, text: shown(f, value) });
  };
  for (const page of d.layout.pages) {
    lines.push({ text: page.title[language], heading: true });
    for (const section of page.sections) for (const f of section.fields) field(f, answers, '');
  }
  return lines;
}

export interface Submitted {
  row: SubmissionRow;
  receiptChecksum: string;
}

/**
 * Files the submission. `staged` collects the files this transaction made, so that the caller
 * discards them if it fails; they enter the store (commit) just before COMMIT.
 */
export async function submitForm(tx: Tx, ctx: AppContext, tenant: TenantRef, principal: Principal, input: SubmitInput, files: ReceivedFile[], staged: StagedFile[]): Promise<Submitted> {
  const at = ctx.clock.now();
  const language = tenant.language;
  const w = words[language];
  const { formId, version, definition } = await formToSubmit(tx, input.formId, input.version);
  if (definition.audience === 'employees' && !isStaff(principal)) throw forbidden('this form is for the municipality’s employees');
  const errors: FieldError[] = [];

  // Who it is for: the citizen staff name by identity number, or the person logged in.
  let party: { name: string; identityNumber?: string | undefined; email?: string | undefined };
  let channel: SubmissionRow['channel'] = 'web';
  if (input.anonymous) {
    if (principal !== anonymousPrincipal || input.onBehalfOf || input.reporter) throw forbidden('an anonymous submission is made by nobody logged in, for nobody else');
    if (definition.loginLevel !== 'none' || definition.audience !== 'public') throw new ProblemError('unauthenticated', `this form needs a login (level ${definition.loginLevel}): log in and submit it with submitForm`);
    const email = input.anonymous.email?.trim();
    if (email && !isMailAddress(email)) errors.push({ field: 'email', code: 'invalidEmail', message: 'not an e-mail address: correct it, or leave it out to get no receipt by mail' });
    party = { name: email || w.anonymous, ...(email ? { email } : {}) };
  } else if (input.reporter) {
    if (principal.kind !== 'system' || input.onBehalfOf) throw forbidden('only an API key of the municipality files a report through Open311');
    party = { name: input.reporter.name?.trim() || w.unnamed, email: input.reporter.email };
    channel = input.reporter.channel;
  } else if (input.onBehalfOf) {
    if (!principal.roles.includes('case-officer')) throw forbidden('only a case officer submits on behalf of a citizen');
    const parsed = parseIdentityNumber(input.onBehalfOf.nationalId, tenant.country, { today: at });
    if (!parsed.ok || parsed.kind === 'organisation-number') errors.push({ field: 'onBehalfOf.nationalId', code: parsed.ok ? 'wrongKind' : parsed.code, message: parsed.ok ? 'must be a person’s identity number' : parsed.reason });
    party = { name: input.onBehalfOf.name?.trim() || w.unnamed, identityNumber: parsed.ok ? parsed.normalised : undefined };
    channel = input.onBehalfOf.channel;
  } else {
    if (principal.kind !== 'user') throw forbidden('a system token submits only on behalf of a citizen (onBehalfOf)');
    const person = await selectPerson(tx, principal.id);
    if (!person) throw forbidden('log in again');
    if (definition.loginLevel !== 'none' && definition.audience === 'public' && !person.identity_number) throw forbidden('this form needs a login with electronic ID (the identity number)');
    party = { name: person.name, identityNumber: person.identity_number ?? undefined, email: person.email ?? undefined };
  }

  const validate = answersValidator(definition);
  if (!validate(input.answers)) errors.push(...fieldErrors(validate.errors ?? [], 'answers').map((e) => ({ ...e, field: e.field === 'answers' ? e.field : `answers.${e.field}` })));
  errors.push(...checkAttachments(definition, files));
  if (errors.length) throw invalid(errors);

  // Co-applicants sign the answers before they are filed; a signature holds only for the words signed.
  let signatures: SignatureRow[] = [];
  if (!input.onBehalfOf && !input.reporter && !input.anonymous) {
    const draft = await selectDraft(tx, formId, ownerOf(principal));
    const signing = draft && (await signingOf(tx, 'form-draft', draft.id));
    const coApplicants = Array.isArray(input.answers.coApplicants) ? input.answers.coApplicants.length : 0;
    if (coApplicants && !signing) throw conflict('the co-applicants sign first: save the answers as a draft and ask for signatures (requestDraftSigning)');
    if (signing) {
      if (signing.request.content_sha256 !== contentHash(formId, version, input.answers)) throw conflict('the answers have changed since they were signed: ask for signatures again');
      if (signing.waitingFor.length) throw conflict(`waiting for the signatures of ${signing.waitingFor.join(', ')}`);
      signatures = signing.signatures;
    }
  }

  const stage = async (bytes: Buffer) => {
    const file = await ctx.files.stage(Readable.from([bytes]));
    staged.push(file);
    return file;
  };
  // The answers as JSON carry no number: written and synced to disk before the numbers are taken,
  // because from then until COMMIT every other submission to this municipality waits (the case and
  // registry numbers are gapless, their series rows locked until COMMIT).
  const answersJson = await stage(Buffer.from(`${JSON.stringify({ form: definition.key, version, answers: input.answers }, null, 2)}\n`));

  // The archive: a case in the form's class and unit, the letter in, the documents on it.
  const c = { tenantId: tenant.id, actor: `${principal.kind}:${principal.id}:${principal.name}`, at };
  const caseFile = await createCaseFile(tx, c, { title: caseTitleOf(definition, language, input.answers), keywords: [definition.caseType], ...(definition.classId ? { classId: definition.classId } : {}), ...(definition.unitId ? { responsibleUnitId: definition.unitId } : {}) });
  const caseNumber = formatNumber(caseFile.case_year, caseFile.case_sequence);
  const sender = { name: party.name, kind: 'person' as const, role: 'sender' as const, ...(party.identityNumber ? { identityNumber: party.identityNumber } : {}), ...(party.email && isMailAddress(party.email) ? { email: party.email } : {}) };
  const registered = await createRegistryEntry(tx, { ...c, country: tenant.country, isSystem: false }, caseFile.id, {
    type: 'incoming', title: definition.title[language], receivedDate: dateIn(at), correspondents: [sender],
    description: `${w.form}: ${definition.key} v${version}. ${w.channel}: ${w.channels[channel]}.`,
  });
  const entryId = registered.entry.id;
  const registryNumber = formatNumber(registered.entry.entry_year, registered.entry.entry_sequence);

  const header: PdfLine[] = [
    { label: w.municipality, text: tenant.name }, { label: w.caseNumber, text: caseNumber }, { label: w.registryNumber, text: registryNumber },
    { label: w.form, text: `${definition.title[language]} (${definition.key}, v${version})` }, { label: w.submitter, text: party.name }, { label: w.submittedAt, text: at.toISOString() },
    { label: w.channel, text: w.channels[channel] },
  ];
  const attachments: SubmissionAttachment[] = files.map((f) => ({ field: f.field, fileName: f.fileName, mimeType: contentType(f.detected), checksum: f.staged.checksum, size: f.staged.size }));
  const answersPdf = await stage(await renderPdf({ title: `${definition.title[language]} – ${w.answers}`, language, at, lines: [...header, ...answerLines(definition, language, input.answers), { text: w.attachments, heading: true }, ...(attachments.length ? attachments.map((a) => ({ label: a.fileName, text: `${w.checksum}: ${a.checksum}` })) : [{ text: w.none }])] }));
  await addDocument(tx, c, entryId, { title: definition.title[language], relation: 'main', documentType: 'form' }, { ...answersPdf, fileName: `${definition.key}.pdf`, mimeType: 'application/pdf' });
  await addDocument(tx, c, entryId, { title: `${definition.title[language]} (JSON)`, relation: 'attachment', documentType: 'form-data' }, { ...answersJson, fileName: `${definition.key}.json`, mimeType: 'application/json' });
  for (const f of files) await addDocument(tx, c, entryId, { relation: 'attachment', documentType: 'attachment' }, { ...f.staged, fileName: f.fileName, mimeType: contentType(f.detected), detected: f.detected });

  const receipt = await stage(await renderPdf({ title: `${w.receipt} – ${definition.title[language]}`, language, at, lines: [
    ...header, { label: `${w.checksum} – ${w.answers}`, text: answersPdf.checksum },
    ...attachments.map((a) => ({ label: `${w.checksum} – ${a.fileName}`, text: a.checksum })),
    ...signatures.map((g) => ({ label: `${w.signedBy}: ${g.signer_name}`, text: `${g.signed_at.toISOString()} · ${g.level}${g.authenticated_at ? ` (login ${g.authenticated_at.toISOString()})` : ''} · SHA-256 ${g.content_sha256}` })),
  ] }));
  await addDocument(tx, c, entryId, { title: `${w.receipt} ${caseNumber}`, relation: 'attachment', documentType: 'receipt' }, { ...receipt, fileName: `kvittering-${caseNumber.replace('/', '-')}.pdf`, mimeType: 'application/pdf' });

  const row: SubmissionRow = {
    id: newId(), tenant_id: tenant.id, form_id: formId, version, owner: ownerOf(principal), submitted_by: c.actor, national_id: party.identityNumber ?? null, submitter_name: party.name,
    channel, answers: input.answers, case_file_id: caseFile.id, registry_entry_id: entryId, case_number: caseNumber, registry_number: registryNumber,
    answers_checksum: answersPdf.checksum, receipt_checksum: receipt.checksum, receipt_size: receipt.size, attachments, created_at: at,
  };
  await insertSubmission(tx, row);
  await deleteDraft(tx, formId, row.owner);
  await writeEvent(tx, { tenantId: tenant.id, type: 'form.submitted', aggregateType: 'form-submission', aggregateId: row.id, payload: { formId, version, caseFileId: caseFile.id, registryEntryId: entryId, channel }, at });
  // An address the login gave that is no address gets no mail; the receipt is on My page anyway.
  if (party.email && isMailAddress(party.email)) {
    await sendMail(tx, { to: party.email, template: receiptMail, language, tenantId: tenant.id, at, key: `form-receipt:${row.id}`,
      params: { municipality: tenant.name, form: definition.title[language], caseNumber, checksum: answersPdf.checksum, days: definition.processingDays } });
  }
  return { row, receiptChecksum: receipt.checksum };
}
