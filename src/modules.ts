// SPDX-License-Identifier: EUPL-1.2
// The one list of capabilities. Adding a module means adding it here.
import type { Module } from './platform/http/app.ts';
import { tenantsModule } from './tenants/routes.ts';
import { identityModule } from './identity/routes.ts';
import { unitsModule } from './units/routes.ts';
import { archiveModule } from './archive/routes.ts';
import { webModule } from './web/routes.ts';
import { journalModule } from './journal/manifest.ts';
import { calendarModule } from './calendar/manifest.ts';
import { mailModule } from './mail/manifest.ts';
import { siteModule } from './site/manifest.ts';
import { demoModule } from './demo/manifest.ts';
import { accessRequestsModule } from './access-requests/manifest.ts';
import { journalAlertsModule } from './journal-alerts/manifest.ts';
import { myPageModule } from './my-page/manifest.ts';
import { formsModule } from './forms/manifest.ts';
import { signingModule } from './signing/manifest.ts';
import { depositModule } from './deposit/manifest.ts';
import { open311Module } from './open311/manifest.ts';
import { councilModule } from './council/manifest.ts';
import { councilSiteModule } from './council-site/manifest.ts';
import { oparlModule } from './oparl/manifest.ts';
import { participationSiteModule } from './participation-site/manifest.ts';
import { councilWorkspaceModule } from './council-workspace/manifest.ts';
import { questionsModule } from './questions/manifest.ts';
import { consultationsModule } from './consultations/manifest.ts';
import { proposalsModule } from './proposals/manifest.ts';

// Order matters where modules depend on each other's set-up: units before the archive (responsible
// units), the archive before the projection that reads it; demo data comes last. My page's demo and
// the demo forms add to the demo municipalities, so they follow the demo module.
export const modules: Module[] = [
  tenantsModule, identityModule, unitsModule, archiveModule, journalModule, calendarModule, mailModule, accessRequestsModule, journalAlertsModule, depositModule, signingModule, webModule, siteModule, demoModule, myPageModule, formsModule, open311Module, councilModule, councilSiteModule, oparlModule, councilWorkspaceModule, questionsModule, consultationsModule, proposalsModule, participationSiteModule,
];
