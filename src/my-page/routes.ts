// SPDX-License-Identifier: EUPL-1.2
// The My page API (issue 9 §3), under /api/v1/{tenant}/my/ for the logged-in person (role citizen):
// what is theirs is found by the identity number they logged in with, so a principal without one
// (a token, a login without `pid`) has no cases, messages or properties, and anything not theirs is
// a 404, exactly as something that does not exist. The case officer's sendCaseMessage is beside it.
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { ProblemError, notFound } from '../platform/http/problem.ts';
import type { StagedFile } from '../platform/files/store.ts';
import type { Role } from '../platform/http/auth.ts';
import { caseOfParty, casesNamingProperty, casesOfParty, dateIn, documentOfParty, numberVariants, type ArchiveCtx, type PartyDocument } from '../archive/service.ts';
import { identityNumberOf } from '../identity/service.ts';
import { myProperties, myProperty } from '../properties/service.ts';
import { listMyAccessRequests } from '../access-requests/service.ts';
import { addDocumentsToMyCase, expectedDecisions, isOpen, type Person } from './cases.ts';
import { listMyMessages, presentMessage, readMyMessage, sendCaseMessage } from './messages.ts';
import { messagesOf } from './repository.ts';
import { AddDocumentsBody, AddedDocumentsOut, MyAccessRequestsOut, MyCaseOut, MyCasesOut, MyMessageOut, MyMessagesOut, MyPropertiesOut, MyPropertyOut, SendMessageBody, SentMessageOut, TenantAndId, TenantOnly } from './schema.ts';

const tags = ['my-page'];
const citizen: readonly Role[] = ['citizen'];
const officers: readonly Role[] = ['case-officer', 'archivist'];
const timeZoneOf = (country: 'NO' | 'SE') => (country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');
const BODY_LIMIT = 5 * 14 * 1024 * 1024 + 64 * 1024;

/** The served type of a stored format (as the archive serves it); anything else is bytes to save. */
const servedTypes = new Set(['application/pdf', 'text/plain', 'image/png', 'image/jpeg', 'image/tiff', 'application/vnd.oasis.opendocument.text', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

interface Ctx extends ArchiveCtx {
  country: 'NO' | 'SE';
  timeZone: string;
}

/** Runs the work in the caller's municipality with the person (their identity numbers) looked up first. */
function asPerson<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: Ctx, person: Person) => Promise<T>): Promise<T> {
  const { tenant, principal } = request;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in first');
  const c: Ctx = { tenantId: tenant.id, actor: `${principal.kind}:${principal.id}:${principal.name}`, at: ctx.clock.now(), country: tenant.country, timeZone: timeZoneOf(tenant.country) };
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, async (tx) => {
    const number = principal.kind === 'user' ? await identityNumberOf(tx, principal.id) : undefined;
    return work(tx, c, { identityNumbers: number ? numberVariants([number]) : [], name: principal.name });
  });
}

const documentUrl = (slug: string, id: string) => `/api/v1/${slug}/my/documents/${id}`;
const presentDocument = (slug: string) => (d: PartyDocument) => ({ id: d.id, documentNumber: d.documentNumber, title: d.title, fileName: d.fileName, mimeType: d.mimeType, size: d.size, url: documentUrl(slug, d.id) });

export async function myPageRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/:tenant/my/cases',
    { config: { roles: citizen }, schema: { operationId: 'listMyCases', tags, summary: 'My cases: every case of this municipality where I am a party, with status and the expected decision date', params: TenantOnly, response: { 200: MyCasesOut } } },
    async (request) =>
      asPerson(ctx, request, async (tx, c, person) => {
        const cases = await casesOfParty(tx, person.identityNumbers);
        const expected = await expectedDecisions(tx, cases, c.timeZone);
        return {
          items: cases.map((k) => ({
            id: k.id, caseNumber: k.caseNumber, title: k.title, status: k.status, open: isOpen(k.status), caseDate: k.caseDate, closedAt: k.closedAt?.toISOString() ?? null,
            className: k.className, responsibleUnit: k.responsibleUnit, lastActivityAt: k.lastEntryAt?.toISOString() ?? null, expectedDecision: expected.get(k.id)!,
          })),
        };
      }),
  );

  app.get(
    '/api/v1/:tenant/my/cases/:id',
    { config: { roles: citizen }, schema: { operationId: 'getMyCase', tags, summary: 'One of my cases: the letters I may see, their documents, the messages and the expected decision date', description: 'A party sees letters in and out (not internal documents); another person’s screened letter by its public title only, without documents. A case that is not mine is 404.', params: TenantAndId, response: { 200: MyCaseOut } } },
    async (request) =>
      asPerson(ctx, request, async (tx, c, person) => {
        const k = await caseOfParty(tx, person.identityNumbers, request.params.id);
        if (!k) throw notFound(`case file ${request.params.id} among your cases`);
        const expected = (await expectedDecisions(tx, [k], c.timeZone)).get(k.id)!;
        const messages = await messagesOf(tx, person.identityNumbers, k.id);
        const slug = request.tenant!.slug;
        return {
          id: k.id, caseNumber: k.caseNumber, title: k.title, status: k.status, open: isOpen(k.status), caseDate: k.caseDate, closedAt: k.closedAt?.toISOString() ?? null,
          className: k.className, responsibleUnit: k.responsibleUnit, lastActivityAt: k.lastEntryAt?.toISOString() ?? null, expectedDecision: expected,
          timeline: k.entries.map((e) => ({
            id: e.id, documentNumber: e.documentNumber, type: e.type, title: e.title, date: e.journalDate, mine: e.mine, screened: e.screened,
            messageId: messages.find((m) => m.registry_entry_id === e.id)?.id ?? null, documents: e.documents.map(presentDocument(slug)),
          })),
          messages: messages.map((m) => ({ id: m.id, subject: m.subject, sentAt: m.sent_at.toISOString(), readAt: m.read_at?.toISOString() ?? null })),
          canAddDocuments: isOpen(k.status),
        };
      }),
  );

  app.post(
    '/api/v1/:tenant/my/cases/:id/documents',
    { config: { roles: citizen }, bodyLimit: BODY_LIMIT, schema: { operationId: 'addDocumentsToMyCase', tags, summary: 'Send more documents to one of my open cases: registered as an incoming letter from me', description: 'The type of each file is read from its content. A finished case answers 409.', params: TenantAndId, body: AddDocumentsBody, response: { 201: AddedDocumentsOut } } },
    async (request, reply) => {
      const staged: StagedFile[] = [];
      try {
        const result = await asPerson(ctx, request, async (tx, c, person) => {
          const added = await addDocumentsToMyCase(tx, ctx, c, person, request.params.id, request.body, staged);
          // The files enter the store just before COMMIT; a failure before leaves none.
          for (const file of staged) await file.commit();
          return added;
        });
        return reply.status(201).send(result);
      } finally {
        for (const file of staged) await file.discard();
      }
    },
  );

  app.get(
    '/api/v1/:tenant/my/documents/:id',
    { config: { roles: citizen }, schema: { operationId: 'downloadMyDocument', tags, summary: 'A document of one of my cases, if I may see it', params: TenantAndId } },
    async (request, reply) => {
      const file = await asPerson(ctx, request, (tx, _c, person) => documentOfParty(tx, person.identityNumbers, request.params.id));
      if (!file) throw notFound(`document ${request.params.id} among your documents`);
      let body;
      try {
        body = await ctx.files.open(file.checksum);
      } catch (error) {
        request.log.error({ err: error, checksum: file.checksum }, 'a document of a party’s case is damaged or missing');
        throw new ProblemError('storedFileCorrupt', 'the stored file is damaged or missing; the municipality has been told');
      }
      return reply
        .header('content-type', servedTypes.has(file.mimeType) ? file.mimeType : 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(body as never);
    },
  );

  app.post(
    '/api/v1/:tenant/case-files/:id/messages',
    { config: { roles: officers }, bodyLimit: BODY_LIMIT, schema: { operationId: 'sendCaseMessage', tags, summary: 'Send a message (and documents) to a party’s My page; archived as an outgoing letter of the case', description: 'The party is the case’s person with an identity number (name one with recipientIdentityNumber when there are several). An e-mail says only that a message waits.', params: TenantAndId, body: SendMessageBody, response: { 201: SentMessageOut } } },
    async (request, reply) => {
      const staged: StagedFile[] = [];
      try {
        const result = await asPerson(ctx, request, async (tx, c) => {
          const sent = await sendCaseMessage(tx, ctx, c, request.tenant!, request.params.id, request.body, staged);
          for (const file of staged) await file.commit();
          return sent;
        });
        return reply.status(201).send(result);
      } finally {
        for (const file of staged) await file.discard();
      }
    },
  );

  app.get(
    '/api/v1/:tenant/my/messages',
    { config: { roles: citizen }, schema: { operationId: 'listMyMessages', tags, summary: 'Messages to me from the municipality’s case officers, newest first', params: TenantOnly, response: { 200: MyMessagesOut } } },
    async (request) => asPerson(ctx, request, (tx, _c, person) => listMyMessages(tx, person.identityNumbers)),
  );

  app.get(
    '/api/v1/:tenant/my/messages/:id',
    { config: { roles: citizen }, schema: { operationId: 'readMyMessage', tags, summary: 'Read a message; the first reading is recorded in the case', params: TenantAndId, response: { 200: MyMessageOut } } },
    async (request) =>
      asPerson(ctx, request, async (tx, c, person) => {
        const { message, documents } = await readMyMessage(tx, c, person.identityNumbers, request.params.id);
        return { ...presentMessage(message), text: message.body, documents: documents.map(presentDocument(request.tenant!.slug)) };
      }),
  );

  app.get(
    '/api/v1/:tenant/my/access-requests',
    { config: { roles: citizen }, schema: { operationId: 'listMyAccessRequests', tags, summary: 'My access requests (innsynskrav) to this municipality, newest first, with status and deadline', params: TenantOnly, response: { 200: MyAccessRequestsOut } } },
    async (request) => {
      const { tenant, principal } = request;
      if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in first');
      // Made by a login, found by it: a token or a system principal has made none.
      if (principal.kind !== 'user') return { items: [] };
      const items = await listMyAccessRequests(ctx, tenant.id, principal.id);
      return { items: items.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), receivedAt: r.receivedAt?.toISOString() ?? null, decidedAt: r.decidedAt?.toISOString() ?? null })) };
    },
  );

  app.get(
    '/api/v1/:tenant/my/properties',
    { config: { roles: citizen }, schema: { operationId: 'listMyProperties', tags, summary: 'Properties (matrikkel units) where I am a registered owner', params: TenantOnly, response: { 200: MyPropertiesOut } } },
    async (request) => asPerson(ctx, request, async (tx, _c, person) => ({ items: await myProperties(tx, person.identityNumbers) })),
  );

  app.get(
    '/api/v1/:tenant/my/properties/:id',
    { config: { roles: citizen }, schema: { operationId: 'getMyProperty', tags, summary: 'One of my properties: municipal services, next pick-ups, fees and invoices, and the building cases on it', params: TenantAndId, response: { 200: MyPropertyOut } } },
    async (request) =>
      asPerson(ctx, request, async (tx, c, person) => {
        const p = await myProperty(tx, person.identityNumbers, request.params.id);
        if (!p) throw notFound(`property ${request.params.id} among your properties`);
        const today = dateIn(c.at, c.timeZone);
        const mine = new Set((await casesOfParty(tx, person.identityNumbers)).map((k) => k.id));
        const cases = await casesNamingProperty(tx, p.gnr, p.bnr);
        return {
          ...p,
          services: p.services.map((s) => ({ ...s, nextPickups: s.nextPickups.filter((d) => d >= today).slice(0, 6) })),
          buildingCases: cases.map((k) => ({ ...k, mine: mine.has(k.id) })),
          buildingCasesMatchedBy: `cases whose public title (or, unscreened, description) names gnr/bnr ${p.gnr}/${p.bnr}, as "${p.gnr}/${p.bnr}" or "gnr. ${p.gnr} bnr. ${p.bnr}"`,
        };
      }),
  );
}
