// SPDX-License-Identifier: EUPL-1.2
// Telling the author and the signers who asked, once per step and address: the notice row is the
// key (citizen_proposal_notices' primary key), so a replayed event or a second run sends nothing.
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { TenantRef } from '../platform/http/auth.ts';
import { sendMails } from '../platform/mail/send.ts';
import { proposalNoticeMail } from './mail.ts';
import * as repo from './repository.ts';
import type { NoticeStep } from './tables.ts';

export const proposalUrl = (ctx: AppContext, tenant: TenantRef, id: string) => `${ctx.config.publicUrl}/app/${tenant.slug}/proposals/${id}`;

export async function notify(tx: Tx, ctx: AppContext, c: { tenant: TenantRef; at: Date }, p: repo.ProposalRow, step: NoticeStep, detail = ''): Promise<number> {
  // Two statements however many signers: claim the notices, then schedule the mails of exactly the
  // addresses claimed now (the mail key repeats the notice key, so a mail cannot go twice either).
  const claimed = await repo.claimNotices(tx, { tenant_id: c.tenant.id, proposal_id: p.id, step, sent_at: c.at });
  const params = { municipality: c.tenant.name, title: p.title, step, detail, url: proposalUrl(ctx, c.tenant, p.id) };
  await sendMails(tx, claimed.map(({ email, language }) => ({ to: email, template: proposalNoticeMail, language, tenantId: c.tenant.id, at: c.at,
    key: `proposal-notice:${p.id}:${step}:${email.toLowerCase()}`, params })));
  return claimed.length;
}
