// SPDX-License-Identifier: EUPL-1.2
// The frame of a public page for other modules' forms (the public journal's access-request form):
// the site's stylesheet, icon and texts in the visitor's language.
import type { Language } from '../common/languages.ts';
import { ASSET_PREFIX, loadSiteAssets, type SiteAssets } from './assets.ts';
import { translator } from './i18n.ts';
import type { PageFrame } from './pages/Layout.tsx';
import { siteTexts } from './texts.ts';

let assets: Promise<SiteAssets> | undefined;

export async function publicPageFrame(path: string, language: Language): Promise<PageFrame> {
  const { stylesheetHref } = await (assets ??= loadSiteAssets());
  return { language, t: translator(siteTexts, language), path, stylesheetHref, faviconHref: `${ASSET_PREFIX}/favicon.svg` };
}
