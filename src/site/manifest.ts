// SPDX-License-Identifier: EUPL-1.2
// The public site: server-rendered pages for everyone (docs/decisions/0004), their texts in four
// languages, and the HTML error pages that browsers get instead of problem+json.
import type { Module } from '../platform/modules.ts';
import { loadSiteAssets } from './assets.ts';
import { createSite } from './routes.ts';
import { siteTexts } from './texts.ts';

const site = createSite(loadSiteAssets);

export const siteModule: Module = {
  name: 'site',
  register: site.register,
  errorPage: site.errorPage,
  texts: siteTexts,
};
