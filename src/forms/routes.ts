// SPDX-License-Identifier: EUPL-1.2
// The forms API (issue 9 §4). Public: listServices, getFormDefinition (staff of the municipality
// also see unpublished forms: the preview). Tenant administrators: create, new version, publish,
// adopt. Citizens and staff: saveDraft/getDraft, submitForm, getSubmissionReceipt.
import type { FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { ProblemError, invalid, notFound } from '../platform/http/problem.ts';
import { fieldErrors } from '../platform/http/validation.ts';
import type { Role } from '../platform/http/auth.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { isMailAddress } from '../platform/mail/send.ts';
import { isLanguage, type Language } from '../common/languages.ts';
import { adoptFormDefinition, createFormDefinition, publishFormDefinition, readFormDefinition, updateFormDefinition, type FormView } from './definitions.ts';
import { selectDraft, selectDraftsOf, selectForms, selectPerson, selectPublicForm, selectPublicForms, selectSubmission, upsertDraft } from './repository.ts';
import { contentHash, formToSubmit, isStaff, ownerOf, submitForm } from './submissions.ts';
import { inTenant, receiveSubmission, submitCompiler } from './receive.ts';
import { answersValidator } from './definition.ts';
import { requestSignatures } from '../signing/service.ts';
import { AdoptBody, DefinitionBody, DraftBody, DraftOut, MyDraftList, SigningStarted, FormList, FormOut, PublishBody, ServiceList, ServicesQuery, SubmitBody, SubmittedOut, VersionQuery } from './schema.ts';
import { searchServices } from './catalogue.ts';
import { anonymousSubmissionRoute } from './anonymous.ts';

const tags = ['forms'];
const admins: readonly Role[] = ['tenant-admin'];
const readers: readonly Role[] = ['tenant-admin', 'case-officer', 'archivist'];
// Employees submit internal forms (deviation reports, surveys) and case officers submit for citizens.
const submitters: readonly Role[] = ['citizen', 'case-officer', 'archivist', 'tenant-admin', 'politician'];
const TenantOnly = Type.Object({ tenant: Type.String() });
const TenantAndId = Type.Object({ tenant: Type.String(), id: Type.String({ format: 'uuid' }) });

export const presentForm = (v: FormView) => ({
  id: v.form.id, key: v.form.key, version: v.version, currentVersion: v.form.current_version, publishedVersion: v.form.published_version, adoptedFrom: v.form.adopted_from,
  title: v.definition.title, description: v.definition.description, rights: v.definition.rights, loginLevel: v.definition.loginLevel, submitter: v.definition.submitter,
  audience: v.definition.audience, processingDays: v.definition.processingDays, schema: v.definition.schema, layout: v.definition.layout, attachments: v.definition.attachments,
  caseType: v.definition.caseType, updatedAt: v.form.updated_at.toISOString(),
});

/** The staff of this municipality see unpublished forms and earlier versions (preview); others see the published one. */
const staffHere = (request: FastifyRequest): boolean => Boolean(request.principal && request.principal.roles.some((r) => readers.includes(r)));

export async function formRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(multipart, { preservePath: true, limits: { fileSize: ctx.config.uploadMaxBytes, files: 40, fields: 2, fieldSize: 1024 * 1024 } });

  app.get('/api/v1/:tenant/services', {
    config: { access: 'public' },
    schema: { operationId: 'listServices', tags, security: [], summary: 'The service catalogue (tjenestekatalog): the published forms with a plain-language description and the citizen’s rights', params: TenantOnly, querystring: ServicesQuery, response: { 200: ServiceList } },
  }, async (request) => {
    const tenant = request.tenant!;
    const language: Language = request.query.lang && isLanguage(request.query.lang) ? request.query.lang : tenant.language;
    const rows = await withPublic(ctx.db, (tx) => selectPublicForms(tx, tenant.id));
    return { language, items: searchServices(rows, request.query.q, language).map((s) => ({ ...s, formUrl: `/api/v1/${tenant.slug}/forms/${s.id}` })) };
  });

  app.get('/api/v1/:tenant/forms/:id', {
    config: { access: 'public' },
    schema: { operationId: 'getFormDefinition', tags, security: [], summary: 'A form: its JSON Schema under `schema`, its layout, texts and attachments', params: TenantAndId, querystring: VersionQuery, response: { 200: FormOut } },
  }, async (request) => {
    const { id } = request.params;
    if (staffHere(request)) {
      const view = await inTenant(ctx, request, (tx) => readFormDefinition(tx, id, request.query.version));
      if (!view) throw notFound(`form ${id}`);
      return presentForm(view);
    }
    const row = isUuid(id) ? await withPublic(ctx.db, (tx) => selectPublicForm(tx, { formId: id })) : undefined;
    if (!row || row.tenant_id !== request.tenant!.id || (request.query.version !== undefined && request.query.version !== row.version)) throw notFound(`form ${id}`);
    return presentForm({ form: { id: row.form_id, tenant_id: row.tenant_id, key: row.key, current_version: row.version, published_version: row.version, adopted_from: null, created_at: row.published_at, updated_at: row.published_at }, version: row.version, definition: row.definition });
  });

  app.get('/api/v1/:tenant/forms', {
    config: { roles: readers },
    schema: { operationId: 'listFormDefinitions', tags, summary: 'Every form of the municipality at its newest version, published or not', params: TenantOnly, response: { 200: FormList } },
  }, async (request) => {
    const rows = await inTenant(ctx, request, (tx) => selectForms(tx));
    return { items: rows.map((r) => presentForm({ form: r, version: r.current_version, definition: r.definition })) };
  });

  app.post('/api/v1/:tenant/forms', {
    config: { roles: admins },
    schema: { operationId: 'createFormDefinition', tags, summary: 'Define a new form (checked: the schema compiles, the layout names its fields, texts in nb, nn, sv, en)', params: TenantOnly, body: DefinitionBody, response: { 201: FormOut } },
  }, async (request, reply) => {
    const view = await inTenant(ctx, request, (tx, c) => createFormDefinition(tx, c, request.body.definition));
    return reply.status(201).header('location', `/api/v1/${request.tenant!.slug}/forms/${view.form.id}`).send(presentForm(view));
  });

  app.put('/api/v1/:tenant/forms/:id', {
    config: { roles: admins },
    schema: { operationId: 'updateFormDefinition', tags, summary: 'Save a new version of a form; submissions keep the version they were made with', params: TenantAndId, body: DefinitionBody, response: { 200: FormOut } },
  }, async (request) => presentForm(await inTenant(ctx, request, (tx, c) => updateFormDefinition(tx, c, request.params.id, request.body.definition))));

  app.post('/api/v1/:tenant/forms/:id/publish', {
    config: { roles: admins },
    schema: { operationId: 'publishFormDefinition', tags, summary: 'Publish the newest version in the service catalogue, or withdraw the form', params: TenantAndId, body: PublishBody, response: { 200: FormOut } },
  }, async (request) => presentForm(await inTenant(ctx, request, (tx, c) => publishFormDefinition(tx, c, request.params.id, request.body.published))));

  app.post('/api/v1/:tenant/forms/adopt', {
    config: { roles: admins },
    schema: { operationId: 'adoptFormDefinition', tags, summary: 'Adopt a form another municipality of this installation has published (define once, use in five)', params: TenantOnly, body: AdoptBody, response: { 201: FormOut } },
  }, async (request, reply) => {
    const { sourceFormId, classId, unitId } = request.body;
    // Read from the public catalogue: only what the other municipality has published crosses over.
    const source = await withPublic(ctx.db, (tx) => selectPublicForm(tx, { formId: sourceFormId }));
    const view = await inTenant(ctx, request, (tx, c) => adoptFormDefinition(tx, c, source, sourceFormId, { classId, unitId }));
    return reply.status(201).header('location', `/api/v1/${request.tenant!.slug}/forms/${view.form.id}`).send(presentForm(view));
  });

  app.put('/api/v1/:tenant/forms/:id/draft', {
    config: { roles: submitters },
    schema: { operationId: 'saveDraft', tags, summary: 'Save my unfinished answers to a form (continued later, from My page)', params: TenantAndId, body: DraftBody, response: { 200: DraftOut } },
  }, async (request) => {
    const principal = request.principal!;
    const draft = await inTenant(ctx, request, async (tx, c) => {
      const view = await readFormDefinition(tx, request.params.id);
      // Citizens draft published forms only; staff may try one out before it is published.
      if (!view || (view.form.published_version === null && !isStaff(principal))) throw notFound(`form ${request.params.id}`);
      const version = view.form.published_version ?? view.version;
      if (request.body.version !== undefined && request.body.version !== version) throw invalid([{ field: 'version', code: 'notAllowed', message: `drafts are kept for the form's current version ${version}` }]);
      if (JSON.stringify(request.body.answers).length > 512 * 1024) throw new ProblemError('payloadTooLarge', 'a draft holds at most 512 kB of answers');
      return upsertDraft(tx, c.tenantId, { id: newId(), form_id: view.form.id, version, owner: ownerOf(principal), answers: request.body.answers as Record<string, unknown>, created_at: c.at, updated_at: c.at });
    });
    return { formId: draft.form_id, version: draft.version, answers: draft.answers, updatedAt: draft.updated_at.toISOString() };
  });

  app.get('/api/v1/:tenant/forms/:id/draft', {
    config: { roles: submitters },
    schema: { operationId: 'getDraft', tags, summary: 'My saved answers to a form', params: TenantAndId, response: { 200: DraftOut } },
  }, async (request) => {
    const draft = await inTenant(ctx, request, (tx) => (isUuid(request.params.id) ? selectDraft(tx, request.params.id, ownerOf(request.principal!)) : Promise.resolve(undefined)));
    if (!draft) throw notFound(`a draft of form ${request.params.id}`);
    return { formId: draft.form_id, version: draft.version, answers: draft.answers, updatedAt: draft.updated_at.toISOString() };
  });

  app.get('/api/v1/:tenant/my/drafts', {
    config: { roles: submitters },
    schema: { operationId: 'listMyDrafts', tags, summary: 'My unfinished forms, newest first, to continue from My page', params: TenantOnly, response: { 200: MyDraftList } },
  }, async (request) => {
    const drafts = await inTenant(ctx, request, (tx) => selectDraftsOf(tx, ownerOf(request.principal!)));
    return { items: drafts.map((d) => ({ formId: d.form_id, version: d.version, title: d.title, updatedAt: d.updated_at.toISOString() })) };
  });

  app.post('/api/v1/:tenant/forms/:id/draft/signing', {
    config: { roles: submitters },
    schema: { operationId: 'requestDraftSigning', tags, summary: 'Sign my draft and invite its co-applicants to sign it by e-mail; it can be submitted once all have signed', params: TenantAndId, response: { 201: SigningStarted } },
  }, async (request, reply) => {
    const principal = request.principal!;
    const tenant = request.tenant!;
    const started = await inTenant(ctx, request, async (tx, c) => {
      const draft = isUuid(request.params.id) ? await selectDraft(tx, request.params.id, ownerOf(principal)) : undefined;
      if (!draft) throw notFound(`a draft of form ${request.params.id}`);
      const { formId, version, definition } = await formToSubmit(tx, draft.form_id, draft.version);
      const validate = answersValidator(definition);
      if (!validate(draft.answers)) throw invalid(fieldErrors(validate.errors ?? [], 'answers').map((e) => ({ ...e, field: e.field === 'answers' ? e.field : `answers.${e.field}` })));
      const person = principal.kind === 'user' ? await selectPerson(tx, principal.id) : undefined;
      const listed = Array.isArray(draft.answers.coApplicants) ? (draft.answers.coApplicants as Record<string, unknown>[]) : [];
      const invitees = listed.filter((p) => typeof p?.name === 'string' && typeof p?.email === 'string').map((p) => ({ name: String(p.name), email: String(p.email).trim() }));
      const unreachable = invitees.flatMap((p, i) => (isMailAddress(p.email) ? [] : [{ field: `answers.coApplicants.${i}.email`, code: 'invalidEmail' as const, message: 'must be one e-mail address, e.g. kari@example.no' }]));
      if (unreachable.length) throw invalid(unreachable);
      const hash = contentHash(formId, version, draft.answers);
      const signing = await requestSignatures(tx, {
        tenantId: c.tenantId, subjectType: 'form-draft', subjectId: draft.id, contentSha256: hash, level: definition.loginLevel, at: c.at, invitees,
        requester: { id: ownerOf(principal), name: person?.name ?? principal.name, identityNumber: person?.identity_number ?? undefined, login: principal.login },
        mail: { municipality: tenant.name, what: definition.title[tenant.language], language: tenant.language, url: (id, token) => `${ctx.config.publicUrl}/app/${tenant.slug}/signing/${id}?token=${encodeURIComponent(token)}` },
      });
      return { signingId: signing.id, contentSha256: hash, waitingFor: invitees.map((i) => i.name) };
    });
    return reply.status(201).send(started);
  });

  await anonymousSubmissionRoute(app, ctx);

  app.post('/api/v1/:tenant/submissions', {
    config: { roles: submitters },
    bodyLimit: ctx.config.uploadMaxBytes + 1024 * 1024,
    validatorCompiler: submitCompiler,
    schema: { operationId: 'submitForm', tags, summary: 'Submit a form: filed at once as a case with an incoming registry entry, the answers as JSON and PDF, the attachments and the receipt', params: TenantOnly, body: SubmitBody, response: { 201: SubmittedOut } },
  }, async (request, reply) => {
    const staged: StagedFile[] = [];
    const tenant = request.tenant!;
    try {
      const { input, files } = await receiveSubmission(ctx, request, staged);
      const done = await inTenant(ctx, request, async (tx) => {
        const result = await submitForm(tx, ctx, tenant, request.principal!, input, files, staged);
        // The files enter the store just before COMMIT; a failure before leaves none. All at once:
        // the municipality's number series are locked until COMMIT, so each directory sync in
        // turn would hold every other submission back.
        await Promise.all(staged.map((file) => file.commit()));
        return result;
      });
      const r = done.row;
      const receiptUrl = `/api/v1/${tenant.slug}/submissions/${r.id}/receipt`;
      return reply.status(201).header('location', receiptUrl).send({
        submissionId: r.id, caseNumber: r.case_number, registryNumber: r.registry_number, caseFileId: r.case_file_id, formId: r.form_id, version: r.version, receiptUrl,
        receiptChecksum: r.receipt_checksum, answersChecksum: r.answers_checksum, attachments: r.attachments,
      });
    } finally {
      for (const file of staged) await file.discard();
    }
  });

  app.get('/api/v1/:tenant/submissions/:id/receipt', {
    config: { roles: submitters },
    schema: { operationId: 'getSubmissionReceipt', tags, summary: 'The PDF receipt of a submission (its sender, or the municipality’s staff)', params: TenantAndId },
  }, async (request, reply) => {
    const principal = request.principal!;
    const row = await inTenant(ctx, request, (tx) => (isUuid(request.params.id) ? selectSubmission(tx, request.params.id) : Promise.resolve(undefined)));
    // Another person's receipt is not found, not forbidden: its existence is not theirs to know.
    if (!row || (row.owner !== ownerOf(principal) && !staffHere(request))) throw notFound(`submission ${request.params.id}`);
    let body;
    try {
      body = await ctx.files.open(row.receipt_checksum);
    } catch (error) {
      request.log.error({ err: error, checksum: row.receipt_checksum }, 'a receipt is damaged or missing');
      throw new ProblemError('storedFileCorrupt', 'the stored receipt is damaged or missing; the municipality has been told');
    }
    return reply
      .header('content-type', 'application/pdf')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="kvittering-${row.case_number.replace('/', '-')}.pdf"`)
      .header('x-checksum-sha256', row.receipt_checksum)
      .header('cache-control', 'private, no-store')
      .send(body as never);
  });
}
