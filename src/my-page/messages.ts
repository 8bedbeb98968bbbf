// SPDX-License-Identifier: EUPL-1.2
// Messages from a case officer to a party's My page. Each is archived as an outgoing letter of the
// case (its text as the main document, attachments after it), so the case holds what was said
// exactly as any letter. The e-mail notice says only that a message waits. The first reading is
// recorded in the case as a remark (merknad) on that letter: remarks are part of the case record the
// case officer sees and of the Noark 5 deposit, where the change log records changes of metadata,
// and a message being read changes none.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { TenantRef } from '../platform/http/auth.ts';
import { conflict, invalid, notFound } from '../platform/http/problem.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { newId } from '../platform/ids.ts';
import { sendMail } from '../platform/mail/send.ts';
import { addDocument, addRemark, caseOfParty, createRegistryEntry, dateIn, detectFormat, numberVariants, personPartiesOfCase, updateRegistryEntry, type ArchiveCtx, type PartyDocument } from '../archive/service.ts';
import { verifiedEmailsOf } from '../identity/service.ts';
import { checkFiles, stageFiles } from './files.ts';
import { messageWaitingMail } from './mail.ts';
import { insertMessage, markRead, messageOf, messagesOf, type MessageRow } from './repository.ts';
import type { SendMessageBody } from './schema.ts';

/** The citizen's messages in the web UI (web/src/router/routes.ts `myMessages`): where the notice leads. */
export const myPageUrl = (publicUrl: string, tenantSlug: string): string => `${publicUrl}/app/${encodeURIComponent(tenantSlug)}/my/messages`;

export async function sendCaseMessage(tx: Tx, ctx: AppContext, c: ArchiveCtx & { country: 'NO' | 'SE'; timeZone: string }, tenant: TenantRef, caseFileId: string, body: SendMessageBody, staged: StagedFile[]) {
  const attachments = checkFiles(body.attachments ?? [], 'attachments');
  const parties = await personPartiesOfCase(tx, caseFileId);
  if (!parties) throw notFound(`case file ${caseFileId}`);
  let party = parties[0];
  if (body.recipientIdentityNumber !== undefined) {
    const wanted = new Set(numberVariants([body.recipientIdentityNumber]));
    party = parties.find((p) => wanted.has(p.identityNumber));
    if (!party) throw invalid([{ field: 'recipientIdentityNumber', code: 'notFound', message: 'no person with this identity number is a party of the case' }]);
  } else if (parties.length > 1) {
    throw invalid([{ field: 'recipientIdentityNumber', code: 'required', message: `the case has ${parties.length} persons as parties: name the one the message is for` }]);
  }
  if (!party) throw conflict('no party of this case has an identity number, so nobody can read the message on My page; send it as a letter');

  const entry = await createRegistryEntry(tx, { ...c, isSystem: false }, caseFileId, {
    type: 'outgoing',
    title: body.subject.trim(),
    documentDate: dateIn(c.at, c.timeZone),
    sentDate: dateIn(c.at, c.timeZone),
    correspondents: [{ kind: 'person', role: 'recipient', name: party.name, identityNumber: party.identityNumber }],
  });
  // The text itself is the letter's main document, so the archive keeps what was said.
  const letter = Buffer.from(`${body.subject.trim()}\n\n${body.text}\n`, 'utf8');
  const text = await ctx.files.stage(Readable.from([letter]), { maxBytes: letter.length });
  staged.push(text);
  await addDocument(tx, c, entry.entry.id, { relation: 'main', title: body.subject.trim() }, Object.assign(text, { fileName: 'melding.txt', mimeType: 'text/plain', detected: detectFormat(letter, 'text/plain') }));
  for (const file of await stageFiles(ctx, attachments, staged)) await addDocument(tx, c, entry.entry.id, { relation: 'attachment' }, file);
  await updateRegistryEntry(tx, c, entry.entry.id, { status: 'dispatched' });

  const caseNumber = `${entry.caseFile.case_year}/${entry.caseFile.case_sequence}`;
  const row: MessageRow = {
    id: newId(), tenant_id: c.tenantId, case_file_id: caseFileId, case_number: caseNumber, registry_entry_id: entry.entry.id, recipient_identity_number: party.identityNumber,
    recipient_name: party.name, subject: body.subject.trim(), body: body.text, sent_at: c.at, sent_by: c.actor, read_at: null,
  };
  await insertMessage(tx, row);
  const address = party.email ?? (await verifiedEmailsOf(tx, numberVariants([party.identityNumber])))[0];
  if (address) await sendMail(tx, { to: address, template: messageWaitingMail, language: tenant.language, params: { municipality: tenant.name, url: myPageUrl(ctx.config.publicUrl, tenant.slug) }, tenantId: c.tenantId, at: c.at, key: `my-page.message:${row.id}` });
  return { id: row.id, registryEntryId: entry.entry.id, documentNumber: `${caseNumber}-${entry.entry.number_in_case}`, recipientName: party.name, notified: Boolean(address) };
}

export const presentMessage = (m: MessageRow) => ({ id: m.id, caseFileId: m.case_file_id, caseNumber: m.case_number, subject: m.subject, sentAt: m.sent_at.toISOString(), readAt: m.read_at?.toISOString() ?? null });

export async function listMyMessages(tx: Tx, identityNumbers: readonly string[]) {
  const rows = await messagesOf(tx, identityNumbers);
  return { items: rows.map(presentMessage), unread: rows.filter((m) => !m.read_at).length };
}

/** The message with its documents; the first reading is recorded (read_at, and a remark in the case). */
export async function readMyMessage(tx: Tx, c: ArchiveCtx, identityNumbers: readonly string[], id: string): Promise<{ message: MessageRow; documents: PartyDocument[] }> {
  const message = await messageOf(tx, identityNumbers, id, { forUpdate: true });
  if (!message) throw notFound(`message ${id} among your messages`);
  if (!message.read_at) {
    await markRead(tx, message.id, c.at);
    await addRemark(tx, c, { type: 'registry-entry', id: message.registry_entry_id }, { text: `Lest av mottakeren på Min side ${c.at.toISOString()}` });
    message.read_at = c.at;
  }
  const kase = await caseOfParty(tx, identityNumbers, message.case_file_id);
  const documents = kase?.entries.find((e) => e.id === message.registry_entry_id)?.documents ?? [];
  return { message, documents };
}
