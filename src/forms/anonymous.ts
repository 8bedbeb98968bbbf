// SPDX-License-Identifier: EUPL-1.2
// submitFormAnonymously (issue 9 §1, login level `none`): a form anyone may send without logging in,
// such as a report of a problem on the road. The party is the e-mail address given for the receipt,
// or "anonymous". Nobody is known, so each address may send only a few a minute (per municipality,
// RATE_LIMIT_ANONYMOUS_FORMS_PER_MINUTE, 5 by default, 0 for none; counted in this server's memory:
// behind several servers the limit is per server).
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { TooManyRequests } from '../platform/http/problem.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { validatorCompiler } from '../platform/http/validation.ts';
import { WindowLimiter } from '../platform/http/window-limiter.ts';
import { anonymousPrincipal, submitForm } from './submissions.ts';
import { inTenant, receiveSubmission, submitCompiler, type SubmissionCheck } from './receive.ts';
import { SubmittedOut } from './schema.ts';

const WINDOW_MS = 60_000;

export const AnonymousSubmitBody = Type.Object(
  {
    formId: Type.String({ format: 'uuid' }),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version the answers were made with; refused when it is not the published one' })),
    answers: Type.Object({}, { additionalProperties: true, description: 'checked against the form’s JSON Schema' }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'where to send the receipt; without it the submission is anonymous' })),
  },
  { additionalProperties: false, description: 'JSON; or multipart/form-data with this object as JSON in the first part "submission" and the files in parts named by the form’s attachment fields' },
);

const checkAnonymous = validatorCompiler({ schema: AnonymousSubmitBody, httpPart: 'body', method: 'POST', url: '/api/v1/:tenant/anonymous-submissions' }) as unknown as SubmissionCheck;

export async function anonymousSubmissionRoute(app: App, ctx: AppContext): Promise<void> {
  const perMinute = ctx.config.rateLimit.anonymousFormsPerMinute;
  const limiter = perMinute > 0 ? new WindowLimiter(perMinute, WINDOW_MS) : undefined;
  app.post('/api/v1/:tenant/anonymous-submissions', {
    config: { access: 'public' },
    bodyLimit: ctx.config.uploadMaxBytes + 1024 * 1024,
    validatorCompiler: submitCompiler,
    schema: {
      operationId: 'submitFormAnonymously', tags: ['forms'], security: [],
      summary: 'Submit a form whose login level is "none" without logging in; an e-mail address for the receipt is optional',
      description: 'Filed like submitForm, with the e-mail address (or "anonymous") as the party. A few a minute from one address (RATE_LIMIT_ANONYMOUS_FORMS_PER_MINUTE, 5 by default; then 429 with Retry-After). A form that needs a login answers 401.',
      params: Type.Object({ tenant: Type.String() }), body: AnonymousSubmitBody, response: { 201: SubmittedOut },
    },
  }, async (request, reply) => {
    const tenant = request.tenant!;
    const wait = limiter?.take(`${tenant.id} ${request.ip}`, ctx.clock.now().getTime());
    if (wait !== undefined) throw new TooManyRequests(`at most ${perMinute} anonymous submissions a minute from one address: try again in ${wait} s`, wait);
    const staged: StagedFile[] = [];
    try {
      const received = await receiveSubmission(ctx, request, staged, checkAnonymous, anonymousPrincipal);
      const { email, ...rest } = received.input as typeof received.input & { email?: string };
      const input = { ...rest, anonymous: { email } };
      const done = await inTenant(ctx, request, async (tx) => {
        const result = await submitForm(tx, ctx, tenant, anonymousPrincipal, input, received.files, staged);
        for (const file of staged) await file.commit();
        return result;
      }, anonymousPrincipal);
      const r = done.row;
      // The receipt is in the mail (when an address was given) and in the case; there is no login to fetch it with.
      return reply.status(201).send({
        submissionId: r.id, caseNumber: r.case_number, registryNumber: r.registry_number, caseFileId: r.case_file_id, formId: r.form_id, version: r.version, receiptUrl: '',
        receiptChecksum: r.receipt_checksum, answersChecksum: r.answers_checksum, attachments: r.attachments,
      });
    } finally {
      for (const file of staged) await file.discard();
    }
  });
}
