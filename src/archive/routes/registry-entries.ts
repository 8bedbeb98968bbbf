// SPDX-License-Identifier: EUPL-1.2
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { createRegistryEntry, followUpEntry, updateRegistryEntry } from '../registry-entries.ts';
import { entryDetails } from '../queries.ts';
import { presentEntryDetails } from '../presenters.ts';
import { archiveReaders, archiveWriters } from '../permissions.ts';
import { CreateRegistryEntryBody, FollowUpBody, RegistryEntryOut, UpdateRegistryEntryBody } from '../schemas.ts';
import { inTenant } from './context.ts';

const Params = Type.Object({ tenant: Type.String(), id: Type.String() });
const tags = ['archive'];

export async function registryEntryRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    '/api/v1/:tenant/case-files/:id/registry-entries',
    {
      config: { roles: archiveWriters },
      schema: {
        operationId: 'createRegistryEntry',
        tags,
        summary: 'Register an entry (journalpost) in a case file',
        description: 'Allocates the registry number. `screening.titleWords` become ***** in the public title; `screening.fields` are hidden from every public view. `followsUp` marks earlier entries as answered by this one.',
        params: Params,
        body: CreateRegistryEntryBody,
        response: { 201: RegistryEntryOut },
      },
    },
    async (request, reply) => {
      // The answer is built from what was written: no read-back while the number row is locked.
      const written = await inTenant(ctx, request, (tx, c) => createRegistryEntry(tx, c, request.params.id, request.body));
      const details = { ...written, documents: [], objects: [], followUps: [], remarks: [] };
      return reply
        .status(201)
        .header('location', `/api/v1/${request.tenant!.slug}/registry-entries/${details.entry.id}`)
        .send(presentEntryDetails(details, request.principal));
    },
  );

  app.get(
    '/api/v1/:tenant/registry-entries/:id',
    { config: { roles: archiveReaders }, schema: { operationId: 'getRegistryEntry', tags, summary: 'A registry entry with parties, documents and follow-up', params: Params, response: { 200: RegistryEntryOut } } },
    async (request) => presentEntryDetails(await inTenant(ctx, request, (tx) => entryDetails(tx, request.params.id)), request.principal),
  );

  app.patch(
    '/api/v1/:tenant/registry-entries/:id',
    { config: { roles: archiveWriters }, schema: { operationId: 'updateRegistryEntry', tags, summary: 'Change a registry entry that is not archived', params: Params, body: UpdateRegistryEntryBody, response: { 200: RegistryEntryOut } } },
    async (request) => {
      const details = await inTenant(ctx, request, async (tx, c) => {
        await updateRegistryEntry(tx, c, request.params.id, request.body);
        return entryDetails(tx, request.params.id);
      });
      return presentEntryDetails(details, request.principal);
    },
  );

  app.post(
    '/api/v1/:tenant/registry-entries/:id/follow-ups',
    {
      config: { roles: archiveWriters },
      schema: { operationId: 'followUpRegistryEntry', tags, summary: 'Follow up (avskrive) an incoming entry, e.g. by an outgoing reply', params: Params, body: FollowUpBody, response: { 201: RegistryEntryOut } },
    },
    async (request, reply) => {
      const details = await inTenant(ctx, request, async (tx, c) => {
        await followUpEntry(tx, c, request.params.id, request.body);
        return entryDetails(tx, request.params.id);
      });
      return reply.status(201).send(presentEntryDetails(details, request.principal));
    },
  );
}
