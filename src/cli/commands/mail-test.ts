// SPDX-License-Identifier: EUPL-1.2
import { withTenant } from '../../platform/db/transaction.ts';
import { languages, type Language } from '../../common/languages.ts';
import { sendMail } from '../../platform/mail/send.ts';
import { testMessage } from '../../mail/service.ts';
import { text, type ContextCommand } from '../command.ts';
import { requireTenant } from '../tenant-arg.ts';

export const mailTest: ContextCommand = {
  kind: 'context',
  name: 'mail test',
  summary: 'Send a test message, to check the SMTP settings',
  description: [
    'The message goes through the same queue as all mail: the running server sends it within seconds,',
    'and retries while the SMTP server does not answer (see `radhus events status` for failed jobs).',
  ],
  remote: true,
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality the message is sent for' },
    to: { type: 'string', required: true, value: 'address', description: 'Who receives it' },
    language: { type: 'string', value: 'code', description: "The message's language (default: the municipality's)", choices: languages },
  },
  examples: ['radhus mail test --tenant balsfjord --to it@balsfjord.kommune.no'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const to = text(values, 'to');
    const language = (values.language as Language | undefined) ?? tenant.language;
    await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, (tx) =>
      sendMail(tx, { to, template: testMessage, language, params: { municipality: tenant.name, url: `${ctx.config.publicUrl}/${tenant.slug}` }, tenantId: tenant.id, at: ctx.clock.now() }),
    );
    const where = ctx.config.demoIdp ? `the demo mailbox (${ctx.config.publicUrl}/dev/mailbox)` : ctx.config.mail.smtp ? 'the SMTP server' : 'nowhere yet: no SMTP server is configured (SMTP_URL or SMTP_HOST), so it waits';
    io.out(`Queued a test message to ${to} in ${language} for ${tenant.name}; the running server delivers it to ${where}.`);
    return 0;
  },
};
