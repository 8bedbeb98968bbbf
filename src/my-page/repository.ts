// SPDX-License-Identifier: EUPL-1.2
// The SQL of My page's messages. Every read is limited to the recipient's identity numbers as well as
// to the municipality (row-level security): a message id alone never opens a message.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { isUuid } from '../platform/ids.ts';

export interface MessageRow {
  id: string;
  tenant_id: string;
  case_file_id: string;
  case_number: string;
  registry_entry_id: string;
  recipient_identity_number: string;
  recipient_name: string;
  subject: string;
  body: string;
  sent_at: Date;
  sent_by: string;
  read_at: Date | null;
}

export async function insertMessage(tx: Tx, row: MessageRow): Promise<void> {
  await sql`insert into my_page_messages (id, tenant_id, case_file_id, case_number, registry_entry_id, recipient_identity_number, recipient_name, subject, body, sent_at, sent_by, read_at)
    values (${row.id}, ${row.tenant_id}, ${row.case_file_id}, ${row.case_number}, ${row.registry_entry_id}, ${row.recipient_identity_number}, ${row.recipient_name}, ${row.subject}, ${row.body}, ${row.sent_at}, ${row.sent_by}, null)`.execute(tx);
}

const numbers = (list: readonly string[]) => sql`array[${sql.join(list.length ? list : [''])}]::text[]`;

export async function messagesOf(tx: Tx, identityNumbers: readonly string[], caseFileId?: string): Promise<MessageRow[]> {
  const inCase = caseFileId ? sql`and case_file_id = ${caseFileId}::uuid` : sql``;
  const rows = await sql<MessageRow>`select * from my_page_messages where recipient_identity_number = any(${numbers(identityNumbers)}) ${inCase} order by sent_at desc, id desc limit 500`.execute(tx);
  return rows.rows;
}

/** The message, locked when it is about to be marked read, if it is addressed to one of these numbers. */
export async function messageOf(tx: Tx, identityNumbers: readonly string[], id: string, options: { forUpdate?: boolean } = {}): Promise<MessageRow | undefined> {
  if (!isUuid(id)) return undefined;
  const lock = options.forUpdate ? sql`for update` : sql``;
  return (await sql<MessageRow>`select * from my_page_messages where id = ${id}::uuid and recipient_identity_number = any(${numbers(identityNumbers)}) ${lock}`.execute(tx)).rows[0];
}

export async function markRead(tx: Tx, id: string, at: Date): Promise<void> {
  await sql`update my_page_messages set read_at = ${at} where id = ${id}::uuid and read_at is null`.execute(tx);
}
