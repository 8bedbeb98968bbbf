// SPDX-License-Identifier: EUPL-1.2
// Structure (series, classes), remarks, cross references, retention and the change log.
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/http/problem.ts';
import { isUuid } from '../../platform/ids.ts';
import { addCrossReference, addRemark, decideRetention } from '../annotations.ts';
import { requireCaseFile } from '../case-files.ts';
import { changeLogOf } from '../change-log.ts';
import { requireEntry } from '../registry-entries.ts';
import { listClasses, listSeries } from '../structure.ts';
import { actorName, archiveReaders, archiveWriters } from '../permissions.ts';
import { ChangeLogOut, CrossReferenceBody, RemarkBody, RetentionBody } from '../schemas.ts';
import { inTenant } from './context.ts';

const TenantOnly = Type.Object({ tenant: Type.String() });
const Params = Type.Object({ tenant: Type.String(), id: Type.String() });
const Created = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['archive'];

export async function annotationRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/:tenant/series',
    { config: { roles: archiveReaders }, schema: {
        operationId: 'listSeries',
        tags,
        summary: 'Series (arkivdeler) of the fonds',
        params: TenantOnly,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), title: Type.String(), status: Type.String(), periodStart: Type.String(), periodEnd: Type.Union([Type.String(), Type.Null()]) })) }) },
      },
    },
    async (request) => ({
      items: (await inTenant(ctx, request, (tx) => listSeries(tx))).map((s) => ({ id: s.id, title: s.title, status: s.status, periodStart: s.period_start, periodEnd: s.period_end })),
    }),
  );

  app.get(
    '/api/v1/:tenant/classes',
    { config: { roles: archiveReaders }, schema: {
        operationId: 'listClasses',
        tags,
        summary: 'Classes of the classification system (K-koder, klassificeringsstruktur)',
        params: TenantOnly,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), code: Type.String(), title: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]) })) }) },
      },
    },
    async (request) => ({ items: (await inTenant(ctx, request, (tx) => listClasses(tx))).map((c) => ({ id: c.id, code: c.class_id, title: c.title, parentId: c.parent_id })) }),
  );

  for (const target of ['case-files', 'registry-entries'] as const) {
    const type = target === 'case-files' ? 'case-file' : 'registry-entry';
    const requireTarget = type === 'case-file' ? requireCaseFile : requireEntry;
    app.post(
      `/api/v1/:tenant/${target}/:id/remarks`,
      { config: { roles: archiveWriters }, schema: { operationId: type === 'case-file' ? 'addCaseFileRemark' : 'addRegistryEntryRemark', tags, summary: 'Add a remark (merknad)', params: Params, body: RemarkBody, response: { 201: Created } } },
      async (request, reply) => {
        const id = await inTenant(ctx, request, async (tx, c) => {
          await requireTarget(tx, request.params.id);
          return addRemark(tx, c, { type, id: request.params.id }, request.body);
        });
        return reply.status(201).send({ id });
      },
    );
    app.post(
      `/api/v1/:tenant/${target}/:id/cross-references`,
      { config: { roles: archiveWriters }, schema: { operationId: type === 'case-file' ? 'addCaseFileCrossReference' : 'addRegistryEntryCrossReference', tags, summary: 'Refer to another case file or entry (kryssreferanse)', params: Params, body: CrossReferenceBody, response: { 201: Created } } },
      async (request, reply) => {
        const id = await inTenant(ctx, request, async (tx, c) => {
          await requireTarget(tx, request.params.id);
          return addCrossReference(tx, c, { type, id: request.params.id }, { type: request.body.toType, id: request.body.toId });
        });
        return reply.status(201).send({ id });
      },
    );
  }

  app.post(
    '/api/v1/:tenant/case-files/:id/retention',
    { config: { roles: ['archivist'] }, schema: { operationId: 'decideCaseFileRetention', tags, summary: 'Record a retention decision (kassasjonsvedtak)', params: Params, body: RetentionBody, response: { 201: Created } } },
    async (request, reply) => {
      const id = await inTenant(ctx, request, async (tx, c) => {
        await requireCaseFile(tx, request.params.id);
        return decideRetention(tx, c, { type: 'case-file', id: request.params.id }, request.body);
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/v1/:tenant/change-log',
    {
      config: { roles: ['archivist', 'case-officer', 'system'] },
      schema: {
        operationId: 'listChangeLog',
        tags,
        summary: 'The change log (endringslogg) of one case file, entry or document',
        params: TenantOnly,
        querystring: Type.Object({ entityId: Type.String() }, { additionalProperties: false }),
        response: { 200: ChangeLogOut },
      },
    },
    async (request) => {
      const { entityId } = request.query;
      if (!isUuid(entityId)) throw invalid([{ field: 'entityId', code: 'invalidId', message: 'must be the id (UUID) of a case file, entry or document' }]);
      const rows = await inTenant(ctx, request, (tx) => changeLogOf(tx, entityId));
      // Every archive entity has at least its creation row; none means it is not this municipality's.
      if (!rows.length) throw notFound(`an archive entity ${entityId}`);
      return {
        items: rows.map((r) => ({ changedAt: r.changed_at.toISOString(), actor: actorName(r.actor), entityType: r.entity_type, entityId: r.entity_id, operation: r.operation, field: r.field, oldValue: r.old_value, newValue: r.new_value })),
      };
    },
  );
}
