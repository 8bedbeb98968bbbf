// SPDX-License-Identifier: EUPL-1.2
// Receiving a submission (submitForm, and submitFormAnonymously in anonymous.ts): the JSON, or the
// multipart parts streamed to the file store with each file held to its field's limit.
import type { FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { FileTooLargeError, type StagedFile } from '../platform/files/store.ts';
import { ProblemError, invalid, type FieldError } from '../platform/http/problem.ts';
import { fieldErrors, unstorableFields, unstorableText, validatorCompiler } from '../platform/http/validation.ts';
import type { Principal } from '../platform/http/auth.ts';
import { sniffFormat } from '../archive/service.ts';
import { formToSubmit, type ReceivedFile, type SubmitInput } from './submissions.ts';
import { SubmitBody } from './schema.ts';

/** `as` stands in for the request's principal: the anonymous submitter (anonymous.ts). */
export function inTenant<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: { tenantId: string; actor: string; at: Date }) => Promise<T>, as: Principal | undefined = request.principal): Promise<T> {
  const { tenant } = request;
  const principal = as;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) =>
    work(tx, { tenantId: tenant.id, actor: `${principal.kind}:${principal.id}:${principal.name}`, at: ctx.clock.now() }));
}

export type SubmissionCheck = ((v: unknown) => boolean) & { errors?: ErrorObject[] | null };
const checkSubmission = validatorCompiler({ schema: SubmitBody, httpPart: 'body', method: 'POST', url: '/api/v1/:tenant/submissions' }) as unknown as SubmissionCheck;

/**
 * A submission as JSON, or as multipart: first the part "submission" (the JSON), then the files in
 * parts named by the form's attachment fields. Knowing the form first, each file is held to its
 * field's size limit while it streams, and its format is read from its bytes on the way.
 */
export async function receiveSubmission(ctx: AppContext, request: FastifyRequest, staged: StagedFile[], check = checkSubmission, as: Principal | undefined = request.principal): Promise<{ input: SubmitInput; files: ReceivedFile[] }> {
  if (!request.isMultipart()) {
    if (!request.body || typeof request.body !== 'object') throw invalid([{ field: 'body', code: 'wrongType', message: 'must be object' }]);
    return { input: request.body as SubmitInput, files: [] };
  }
  const files: ReceivedFile[] = [];
  const errors: FieldError[] = [];
  let input: SubmitInput | undefined;
  let limits: Map<string, number> | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname !== 'submission' || input) {
          errors.push({ field: part.fieldname, code: 'unknownField', message: 'send one part "submission" (JSON) first, then the files' });
          continue;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(String(part.value));
        } catch {
          throw invalid([{ field: 'submission', code: 'invalidJson', message: 'the part "submission" must be JSON' }]);
        }
        // What the central check does for JSON bodies: no NUL or lone surrogate reaches the database.
        const unstorable = unstorableFields(parsed, 'submission');
        if (unstorable.length) throw invalid(unstorable);
        if (!check(parsed)) throw invalid(fieldErrors(check.errors ?? [], 'submission').map((e) => ({ ...e, field: e.field === 'submission' ? e.field : `submission.${e.field}` })));
        input = parsed as SubmitInput;
        const form = await inTenant(ctx, request, (tx) => formToSubmit(tx, input!.formId, input!.version), as);
        limits = new Map(form.definition.attachments.map((a) => [a.field, Math.min(a.maxBytes, ctx.config.uploadMaxBytes)]));
        continue;
      }
      if (!limits) {
        part.file.resume();
        throw invalid([{ field: 'submission', code: 'required', message: 'send the part "submission" (JSON) before the files' }]);
      }
      const nameProblem = unstorableText(part.filename ?? '') ?? unstorableText(part.mimetype ?? '') ?? unstorableText(part.fieldname);
      const limit = limits.get(part.fieldname);
      if (nameProblem || limit === undefined) {
        part.file.resume();
        errors.push(nameProblem ? { field: `attachments.${part.fieldname.replace(/[\u0000\ud800-\udfff]/g, '\ufffd')}`, code: 'invalidCharacters', message: nameProblem } : { field: `attachments.${part.fieldname}`, code: 'unexpectedFile', message: 'the form takes no files in this field' });
        continue;
      }
      const sniffed = sniffFormat(part.file);
      let file: StagedFile;
      try {
        file = await ctx.files.stage(sniffed.stream, { maxBytes: limit });
      } catch (error) {
        if (error instanceof FileTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new ProblemError('payloadTooLarge', `${part.filename} is larger than ${limit} bytes, the limit of "${part.fieldname}"`);
        throw error;
      }
      staged.push(file);
      if (part.file.truncated) throw new ProblemError('payloadTooLarge', `${part.filename} is larger than the installation allows`);
      const claimed = part.mimetype || 'application/octet-stream';
      files.push({ field: part.fieldname, index: files.filter((f) => f.field === part.fieldname).length, fileName: (part.filename ?? '').split(/[\\/]/).pop() || 'attachment', claimedType: claimed, staged: file, detected: sniffed.detect(claimed) });
    }
  } catch (error) {
    if (error instanceof ProblemError || ((error as { statusCode?: number }).statusCode ?? 500) < 500) throw error;
    if (error instanceof FileTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new ProblemError('payloadTooLarge', 'an attachment is larger than its field allows');
    throw invalid([{ field: 'body', code: 'invalidFormat', message: `the body is not well-formed multipart/form-data (${(error as Error).message})` }]);
  }
  if (!input) errors.push({ field: 'submission', code: 'required', message: 'send the submission as JSON in the part "submission"' });
  if (errors.length) throw invalid(errors);
  return { input: input!, files };
}

// JSON is validated as usual; a multipart body (undefined here) is checked part by part above.
// Fastify reads a failing validator's `errors` from the function itself, so they are passed on.
export const submitCompiler: typeof validatorCompiler = (input) => {
  if (input.httpPart !== 'body') return validatorCompiler(input);
  const json = validatorCompiler(input) as unknown as ((value: unknown) => boolean) & { errors?: unknown };
  const validate = (value: unknown): boolean => {
    // A multipart body is not parsed here (undefined or null); the handler reads its parts.
    if (value === undefined || value === null) return true;
    const ok = json(value);
    validate.errors = ok ? null : json.errors;
    return ok;
  };
  validate.errors = null as unknown;
  return validate as never;
};

