// SPDX-License-Identifier: EUPL-1.2
// Screening after the fact: PUT …/screening on a case file, an entry or a party, and a document's
// publication, in any state of the record (archived and closed included).
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { changeDocumentPublication, changePartyScreening, changeScreening } from '../screening.ts';
import { archiveWriters } from '../permissions.ts';
import { DocumentPublicationBody, PartyScreeningChangeBody, ScreeningChangeBody, ScreeningChangeOut } from '../schemas.ts';
import { inTenant } from './context.ts';

const Params = Type.Object({ tenant: Type.String(), id: Type.String() });
const tags = ['archive'];
const after = 'Allowed after the record is archived: the change log records it, the public title is recomputed, and the public journal follows within a second. A screening with `until` is lifted on that day.';

export async function screeningRoutes(app: App, ctx: AppContext): Promise<void> {
  for (const [path, operationId, target, what] of [
    ['case-files', 'setCaseFileScreening', 'case-file', 'a case file'],
    ['registry-entries', 'setRegistryEntryScreening', 'registry-entry', 'a registry entry'],
  ] as const) {
    app.put(
      `/api/v1/:tenant/${path}/:id/screening`,
      {
        config: { roles: archiveWriters },
        schema: { operationId, tags, summary: `Add, change or lift the screening of ${what}`, description: after, params: Params, body: ScreeningChangeBody, response: { 200: ScreeningChangeOut } },
      },
      async (request) => inTenant(ctx, request, (tx, c) => changeScreening(tx, c, target, request.params.id, request.body.screening)),
    );
  }
  app.put(
    '/api/v1/:tenant/correspondents/:id/screening',
    {
      config: { roles: archiveWriters },
      schema: { operationId: 'setCorrespondentScreening', tags, summary: 'Screen a party of an entry on its own (shown as ***** in public), or lift it', description: after, params: Params, body: PartyScreeningChangeBody, response: { 200: ScreeningChangeOut } },
    },
    async (request) => inTenant(ctx, request, (tx, c) => changePartyScreening(tx, c, request.params.id, request.body.screening)),
  );
  app.put(
    '/api/v1/:tenant/documents/:id/publication',
    {
      config: { roles: archiveWriters },
      schema: { operationId: 'setDocumentPublication', tags, summary: "A document's own screening and whether it is published in full", description: after, params: Params, body: DocumentPublicationBody, response: { 200: ScreeningChangeOut } },
    },
    async (request) => inTenant(ctx, request, (tx, c) => changeDocumentPublication(tx, c, request.params.id, request.body)),
  );
}
