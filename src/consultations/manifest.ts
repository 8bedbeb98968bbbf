// SPDX-License-Identifier: EUPL-1.2
// Public consultations (høring / remiss, issue 11 §2): the officer's API, the public API and pages
// under /{municipality}/deltakelse/horinger, comments filed into the case, and their projection;
// unconfirmed comments expire at the deadline.
import type { Module } from '../platform/modules.ts';
import { consultationsDemo } from './demo.ts';
import { expiryJob } from './expiry.ts';
import { consultationPages } from './pages/routes.ts';
import { consultationsProjection } from './projection.ts';
import { consultationRoutes } from './routes.ts';
import { consultationTexts } from './texts.ts';

export const consultationsModule: Module = {
  name: 'consultations',
  async register(app, ctx) {
    await consultationRoutes(app, ctx);
    await consultationPages(app, ctx);
  },
  texts: consultationTexts,
  consumers: [consultationsProjection],
  jobs: [expiryJob],
  demo: consultationsDemo,
};
