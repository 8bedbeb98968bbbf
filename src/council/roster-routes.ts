// SPDX-License-Identifier: EUPL-1.2
// The secretariat's roster API (issue 10 §1): terms, parties, persons, bodies, memberships.
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import * as roster from './roster.ts';
import { presentBody, presentMembership, presentParty, presentPerson, presentTerm } from './present.ts';
import { inCouncil, secretariat, tags } from './request.ts';
import {
  BodyBody, BodyOut, BodyParams, BodyPatch, list, MembershipBody, MembershipOut, MembershipParams, MembershipPatch, PartyBody, PartyOut,
  PersonBody, PersonOut, PersonParams, PersonPatch, TenantOnly, TermBody, TermOut,
} from './schema.ts';

const config = { roles: secretariat };
const base = '/api/v1/:tenant/council';

export async function rosterRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(`${base}/terms`, { config, schema: { operationId: 'listCouncilTerms', tags, summary: 'Election periods (valgperiode / mandatperiod), newest first', params: TenantOnly, response: { 200: list(TermOut) } } },
    async (request) => ({ items: (await inCouncil(ctx, request, (tx) => roster.listTerms(tx))).map(presentTerm) }));
  app.post(`${base}/terms`, { config, schema: { operationId: 'createCouncilTerm', tags, summary: 'Add an election period', params: TenantOnly, body: TermBody, response: { 201: TermOut } } },
    async (request, reply) => reply.status(201).send(presentTerm(await inCouncil(ctx, request, (tx, c) => roster.createTerm(tx, c, request.body)))));

  app.get(`${base}/parties`, { config, schema: { operationId: 'listCouncilParties', tags, summary: 'The parties and lists of the municipality', params: TenantOnly, response: { 200: list(PartyOut) } } },
    async (request) => ({ items: (await inCouncil(ctx, request, (tx) => roster.listParties(tx))).map(presentParty) }));
  app.post(`${base}/parties`, { config, schema: { operationId: 'createCouncilParty', tags, summary: 'Add a party or list (its letters are unique in the municipality)', params: TenantOnly, body: PartyBody, response: { 201: PartyOut } } },
    async (request, reply) => reply.status(201).send(presentParty(await inCouncil(ctx, request, (tx, c) => roster.createParty(tx, c, request.body)))));

  app.get(`${base}/persons`, { config, schema: { operationId: 'listCouncilPersons', tags, summary: 'Elected members and substitutes (with e-mail and login: never public)', params: TenantOnly, response: { 200: list(PersonOut) } } },
    async (request) => ({ items: (await inCouncil(ctx, request, (tx) => roster.listPersons(tx))).map(presentPerson) }));
  app.post(`${base}/persons`, { config, schema: { operationId: 'createCouncilPerson', tags, summary: 'Add an elected person', params: TenantOnly, body: PersonBody, response: { 201: PersonOut } } },
    async (request, reply) => reply.status(201).send(presentPerson(await inCouncil(ctx, request, (tx, c) => roster.createPerson(tx, c, request.body)))));
  app.patch(`${base}/persons/:personId`, { config, schema: { operationId: 'updateCouncilPerson', tags, summary: 'Change a person’s name, party, login or e-mail', params: PersonParams, body: PersonPatch, response: { 200: PersonOut } } },
    async (request) => presentPerson(await inCouncil(ctx, request, (tx, c) => roster.updatePerson(tx, c, request.params.personId, request.body))));

  app.get(`${base}/bodies`, { config, schema: { operationId: 'listCouncilBodies', tags, summary: 'Political bodies: council, executive committee, committees', params: TenantOnly, response: { 200: list(BodyOut) } } },
    async (request) => ({ items: (await inCouncil(ctx, request, (tx) => roster.listBodies(tx))).map(presentBody) }));
  app.post(`${base}/bodies`, { config, schema: { operationId: 'createCouncilBody', tags, summary: 'Add a political body', params: TenantOnly, body: BodyBody, response: { 201: BodyOut } } },
    async (request, reply) => reply.status(201).send(presentBody(await inCouncil(ctx, request, (tx, c) => roster.createBody(tx, c, request.body)))));
  app.patch(`${base}/bodies/:bodyId`, { config, schema: { operationId: 'updateCouncilBody', tags, summary: 'Change a body: name, publication rule, adjusters, unit', params: BodyParams, body: BodyPatch, response: { 200: BodyOut } } },
    async (request) => presentBody(await inCouncil(ctx, request, (tx, c) => roster.updateBody(tx, c, request.params.bodyId, request.body))));

  app.get(`${base}/bodies/:bodyId/memberships`, { config, schema: { operationId: 'listCouncilMemberships', tags, summary: 'Who sits in the body: leader, deputy, members, then substitutes in their order', params: BodyParams, response: { 200: list(MembershipOut) } } },
    async (request) => ({ items: (await inCouncil(ctx, request, (tx) => roster.listMemberships(tx, request.params.bodyId))).map(presentMembership) }));
  app.post(`${base}/bodies/:bodyId/memberships`, { config, schema: { operationId: 'createCouncilMembership', tags, summary: 'Seat a person in the body for a term (substitutes with their order)', params: BodyParams, body: MembershipBody, response: { 201: MembershipOut } } },
    async (request, reply) => reply.status(201).send(presentMembership(await inCouncil(ctx, request, (tx, c) => roster.createMembership(tx, c, request.params.bodyId, request.body)))));
  app.patch(`${base}/memberships/:membershipId`, { config, schema: { operationId: 'updateCouncilMembership', tags, summary: 'Change a seat: role, party, substitute order, dates', params: MembershipParams, body: MembershipPatch, response: { 200: MembershipOut } } },
    async (request) => presentMembership(await inCouncil(ctx, request, (tx, c) => roster.updateMembership(tx, c, request.params.membershipId, request.body))));
}
