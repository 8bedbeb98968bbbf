// SPDX-License-Identifier: EUPL-1.2
// The mail module: the 'mail.send' job handler (platform/mail does the work; modules call
// platform/mail/send.ts sendMail in their own transactions) and, in demo mode, /dev/mailbox.
import type { Module } from '../platform/modules.ts';
import { mailJobHandler } from '../platform/mail/send.ts';
import { registerMailboxRoutes } from './mailbox-routes.ts';
import { mailTexts } from './texts.ts';

export const mailModule: Module = {
  name: 'mail',
  jobs: [mailJobHandler],
  texts: mailTexts,
  async register(app, ctx) {
    if (ctx.config.demoIdp) registerMailboxRoutes(app, ctx);
  },
};
