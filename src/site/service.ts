// SPDX-License-Identifier: EUPL-1.2
// What other modules' server-rendered pages use of the public site: its stylesheet and icon, the
// visitor's language, dates, and the refusal of hostile addresses, so every public page looks and
// behaves the same.
export { loadSiteAssets, ASSET_PREFIX, type SiteAssets } from './assets.ts';
export { pageLanguage, formatDate, languageNames, LANGUAGE_COOKIE } from './i18n.ts';
export { refuseHostileAddress, renderHtml } from './http.ts';
export { sendErrorPage } from './http.ts';
export { AccessSentPage, MessagePage } from './pages/AccessPages.tsx';
export { publicPageFrame } from './frame.ts';
// The council's pages (src/council-site): the same page sending, frame and municipality lookup.
export { sendPage } from './http.ts';
export { Layout, type PageFrame } from './pages/Layout.tsx';
export { findMunicipality, type PublicMunicipality } from './repository.ts';
export { todayIn } from './journal-routes.ts';
