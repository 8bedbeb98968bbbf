// SPDX-License-Identifier: EUPL-1.2
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { closeCaseFile, createCaseFile, updateCaseFile } from '../case-files.ts';
import { caseFileDetails, listCaseFiles } from '../queries.ts';
import { presentCaseFile, presentCaseFileDetails } from '../presenters.ts';
import { archiveReaders, archiveWriters } from '../permissions.ts';
import { CaseFileOut, CaseListQuery, CreateCaseFileBody, UpdateCaseFileBody } from '../schemas.ts';
import { inTenant } from './context.ts';

const Params = Type.Object({ tenant: Type.String(), id: Type.String() });
const tags = ['archive'];

export async function caseFileRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    '/api/v1/:tenant/case-files',
    {
      config: { roles: archiveWriters },
      schema: { operationId: 'createCaseFile', tags, summary: 'Open a case file (saksmappe)', params: Type.Object({ tenant: Type.String() }), body: CreateCaseFileBody, response: { 201: CaseFileOut } },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const creator = principal.kind === 'user' ? { id: principal.id } : undefined;
      const row = await inTenant(ctx, request, (tx, c) => createCaseFile(tx, c, request.body, creator));
      return reply.status(201).header('location', `/api/v1/${request.tenant!.slug}/case-files/${row.id}`).send(presentCaseFile(row, request.principal));
    },
  );

  app.get(
    '/api/v1/:tenant/case-files',
    {
      config: { roles: archiveReaders },
      schema: {
        operationId: 'listCaseFiles',
        tags,
        summary: 'Case files, newest first, searchable by words or case number',
        params: Type.Object({ tenant: Type.String() }),
        querystring: CaseListQuery,
        response: { 200: Type.Object({ items: Type.Array(CaseFileOut), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const page = await inTenant(ctx, request, (tx) => listCaseFiles(tx, request.query));
      return { items: page.rows.map((row) => presentCaseFile(row, request.principal)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/:tenant/case-files/:id',
    { config: { roles: archiveReaders }, schema: { operationId: 'getCaseFile', tags, summary: 'A case file with its registry entries', params: Params, response: { 200: CaseFileOut } } },
    async (request) => presentCaseFileDetails(await inTenant(ctx, request, (tx) => caseFileDetails(tx, request.params.id)), request.principal),
  );

  app.patch(
    '/api/v1/:tenant/case-files/:id',
    { config: { roles: archiveWriters }, schema: { operationId: 'updateCaseFile', tags, summary: 'Change a case file, including its screening', params: Params, body: UpdateCaseFileBody, response: { 200: CaseFileOut } } },
    async (request) => {
      const details = await inTenant(ctx, request, async (tx, c) => {
        await updateCaseFile(tx, c, request.params.id, request.body);
        return caseFileDetails(tx, request.params.id);
      });
      return presentCaseFileDetails(details, request.principal);
    },
  );

  app.post(
    '/api/v1/:tenant/case-files/:id/close',
    { config: { roles: archiveWriters }, schema: { operationId: 'closeCaseFile', tags, summary: 'Close and archive a case file', params: Params, response: { 200: CaseFileOut } } },
    async (request) => {
      const details = await inTenant(ctx, request, async (tx, c) => {
        await closeCaseFile(tx, c, request.params.id);
        return caseFileDetails(tx, request.params.id);
      });
      return presentCaseFileDetails(details, request.principal);
    },
  );
}
