// SPDX-License-Identifier: EUPL-1.2
// Questions to politicians (issue 11 §2): the API, the projection into public_council_questions,
// the public pages under /{municipality}/deltakelse/sporsmal, and demo questions.
import type { Module } from '../platform/modules.ts';
import { questionsProjection } from './projection.ts';
import { questionRoutes } from './routes.ts';
import { questionPageRoutes } from './page-routes.ts';
import { questionTexts } from './texts.ts';
import { seedQuestionsDemo } from './demo.ts';

export const questionsModule: Module = {
  name: 'questions',
  async register(app, ctx) {
    await questionRoutes(app, ctx);
    await questionPageRoutes(app, ctx);
  },
  texts: questionTexts,
  consumers: [questionsProjection],
  demo: seedQuestionsDemo,
};
