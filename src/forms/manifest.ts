// SPDX-License-Identifier: EUPL-1.2
// E-service forms (issue 9 §1, §2): definitions as data, the service catalogue, drafts, and
// submissions that file themselves into the archive in the transaction that accepts them.
import type { Module } from '../platform/modules.ts';
import { formRoutes } from './routes.ts';
import { cataloguePageRoutes } from './page.tsx';
import { formTexts } from './texts.ts';
import { seedDemoForms } from './demo.ts';

export const formsModule: Module = {
  name: 'forms',
  async register(app, ctx) {
    await formRoutes(app, ctx);
    await cataloguePageRoutes(app, ctx);
  },
  texts: formTexts,
  demo: seedDemoForms,
};
