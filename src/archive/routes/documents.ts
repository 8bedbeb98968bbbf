// SPDX-License-Identifier: EUPL-1.2
// Uploads stream straight into the content-addressed store (never held in memory), then one
// transaction records the document. Downloads are verified against their checksum before they stream.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { App } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Readable } from 'node:stream';
import { ChecksumMismatchError, FileTooLargeError, type StagedFile } from '../../platform/files/store.ts';
import { ProblemError, invalid, type FieldError } from '../../platform/http/problem.ts';
import { unstorableText, validatorCompiler } from '../../platform/http/validation.ts';
import { sniffFormat } from '../formats.ts';
import { addDocument, addDocumentObject, documentOpenForFiles, entryOpenForDocuments, pickObject, updateDocument, type FileMeta } from '../documents.ts';
import { entryDetails } from '../queries.ts';
import { presentEntryDetails } from '../presenters.ts';
import { archiveReaders, archiveWriters } from '../permissions.ts';
import { DocumentObjectOut, RegistryEntryOut, UpdateDocumentBody, UploadedDocument } from '../schemas.ts';
import { inTenant, type RouteCtx } from './context.ts';
import type { Tx } from '../../platform/db/transaction.ts';

const Params = Type.Object({ tenant: Type.String(), id: Type.String() });
const tags = ['archive'];

const UploadForm = Type.Object({
  file: Type.String({ format: 'binary', description: 'the file (one per request)' }),
  title: Type.Optional(Type.String({ maxLength: 1000 })),
  relation: Type.Optional(Type.Union([Type.Literal('main'), Type.Literal('attachment')])),
  documentType: Type.Optional(Type.String({ maxLength: 100 })),
  variant: Type.Optional(Type.Union([Type.Literal('production'), Type.Literal('archival'), Type.Literal('redacted')])),
});
const relations = ['main', 'attachment'] as const;
const variants = ['production', 'archival', 'redacted'] as const;
/** The value as one of the allowed ones (receive has checked it), typed without a cast. */
const pick = <T extends string>(allowed: readonly T[], value: string | undefined): T | undefined => allowed.find((v) => v === value);

const allowedFields: Record<string, readonly string[] | null> = {
  title: null,
  documentType: null,
  relation: relations,
  variant: variants,
  version: null,
};

/**
 * Reads a multipart request: stages the single file part, and checks every text field. Whatever
 * refuses the request (a limit of the multipart parser, a bad field, a broken connection), the
 * staged file is discarded before the error leaves, so files/tmp keeps nothing of a refused upload.
 */
async function receive(ctx: AppContext, request: FastifyRequest): Promise<{ file: FileMeta & StagedFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new ProblemError('unsupportedMediaType', 'send the document as multipart/form-data with the file in the field "file"');
  const maxBytes = ctx.config.uploadMaxBytes;
  const fields: Record<string, string> = {};
  const errors: FieldError[] = [];
  let file: (FileMeta & StagedFile) | undefined;
  // The staged bytes from the moment they exist, so any failure after staging discards them.
  let staged: StagedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          errors.push({ field: part.fieldname, code: 'unexpectedFile', message: 'send exactly one file, in the field "file"' });
          continue;
        }
        // The whole name as sent (preservePath below): a NUL or lone surrogate before a slash is
        // refused too, not silently cut off with the folder part.
        const nameProblem = unstorableText(part.filename ?? '') ?? unstorableText(part.mimetype ?? '');
        if (nameProblem) {
          part.file.resume();
          errors.push({ field: 'file', code: 'invalidCharacters', message: `the file name or type ${nameProblem}` });
          continue;
        }
        try {
          // The format (PRONOM id, formatDetaljer) comes from the bytes as they pass, not from the claimed type.
          const sniffed = sniffFormat(part.file);
          staged = await ctx.files.stage(sniffed.stream, { maxBytes });
          if (part.file.truncated) throw new FileTooLargeError('');
          const mimeType = part.mimetype || 'application/octet-stream';
          file = { ...staged, fileName: baseName(part.filename) || 'document', mimeType, detected: sniffed.detect(mimeType) };
        } catch (error) {
          if (error instanceof FileTooLargeError) throw new ProblemError('payloadTooLarge', `the file is larger than ${maxBytes} bytes`);
          throw error;
        }
      } else {
        const allowed = allowedFields[part.fieldname];
        const value = String(part.value);
        const textProblem = unstorableText(part.fieldname) ?? unstorableText(value);
        if (textProblem) errors.push({ field: part.fieldname.replace(/[\u0000\ud800-\udfff]/g, '\ufffd'), code: 'invalidCharacters', message: textProblem });
        else if (allowed === undefined) errors.push({ field: part.fieldname, code: 'unknownField', message: `unknown field "${part.fieldname}": remove it` });
        else if (allowed && !allowed.includes(value)) errors.push({ field: part.fieldname, code: 'notAllowed', message: `must be one of: ${allowed.join(', ')}` });
        else if (value.length > 1000) errors.push({ field: part.fieldname, code: 'tooLong', message: 'must be at most 1000 characters' });
        else if (part.fieldname === 'version' && !/^[1-9]\d{0,5}$/.test(value)) errors.push({ field: 'version', code: 'wrongType', message: 'must be a whole number from 1' });
        else fields[part.fieldname] = value;
      }
    }
  } catch (error) {
    await staged?.discard();
    const code = (error as { code?: string }).code;
    if (error instanceof FileTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE') throw new ProblemError('payloadTooLarge', `the file is larger than ${maxBytes} bytes`);
    if (code === 'FST_FILES_LIMIT') throw invalid([{ field: 'file', code: 'tooMany', message: 'send exactly one file, in the field "file"' }]);
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw invalid([{ field: 'body', code: 'tooMany', message: 'too many form fields: send the file and at most title, relation, documentType, variant, version' }]);
    // Our own problems pass; a body that is not well-formed multipart is the client's mistake, not an internal error.
    if (error instanceof ProblemError || ((error as { statusCode?: number }).statusCode ?? 500) < 500) throw error;
    throw invalid([{ field: 'body', code: 'invalidFormat', message: `the body is not well-formed multipart/form-data (${(error as Error).message}); send the file in the field "file"` }]);
  }
  if (!file) errors.push({ field: 'file', code: 'required', message: 'attach the document in the multipart field "file"' });
  else if (file.size === 0) errors.push({ field: 'file', code: 'emptyFile', message: 'the file is empty' });
  if (errors.length) {
    await file?.discard();
    throw invalid(errors);
  }
  return { file: file!, fields };
}

/**
 * Records a received file in one transaction: the staged file enters the store just before COMMIT,
 * and is dropped if anything fails, so a refused upload leaves nothing behind.
 */
function recordWithFile<T>(ctx: AppContext, request: FastifyRequest, file: StagedFile, work: (tx: Tx, c: RouteCtx) => Promise<T>): Promise<T> {
  return inTenant(ctx, request, async (tx, c) => {
    const result = await work(tx, c);
    await file.commit();
    return result;
  }).finally(() => file.discard());
}

/** What a stored format is served as; anything not on this list is bytes to save, not to open. */
const servedTypes: Record<string, string> = {
  'fmt/276': 'application/pdf',
  'x-fmt/111': 'text/plain; charset=utf-8',
  'fmt/353': 'image/tiff',
  'fmt/11': 'image/png',
  'fmt/43': 'image/jpeg',
  'fmt/290': 'application/vnd.oasis.opendocument.text',
  'fmt/412': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
export const servedContentType = (format: string): string => servedTypes[format] ?? 'application/octet-stream';

// The body schema documents the multipart form in OpenAPI; the parts are checked by receive().
const uploadCompiler: typeof validatorCompiler = (input) => (input.httpPart === 'body' ? () => true : validatorCompiler(input));

export async function documentRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(multipart, { preservePath: true, limits: { fileSize: ctx.config.uploadMaxBytes, files: 2, fields: 10, fieldSize: 4000 } });

  app.post(
    '/api/v1/:tenant/registry-entries/:id/documents',
    {
      config: { roles: archiveWriters },
      validatorCompiler: uploadCompiler,
      schema: {
        operationId: 'uploadDocument',
        tags,
        summary: 'Add a document (dokumentbeskrivelse) with its file to a registry entry',
        consumes: ['multipart/form-data'],
        params: Params,
        body: UploadForm,
        response: { 201: UploadedDocument },
      },
    },
    async (request, reply) => {
      // Fail before receiving bytes when the entry cannot take them (unknown, or archived).
      await inTenant(ctx, request, (tx) => entryOpenForDocuments(tx, request.params.id));
      const { file, fields } = await receive(ctx, request);
      const result = await recordWithFile(ctx, request, file, (tx, c) =>
        addDocument(tx, c, request.params.id, { title: fields.title, relation: pick(relations, fields.relation), documentType: fields.documentType, variant: pick(variants, fields.variant) }, file),
      );
      return reply
        .status(201)
        .header('location', `/api/v1/${request.tenant!.slug}/documents/${result.document.id}/content`)
        .send({
          id: result.document.id,
          documentNumber: result.document.document_number,
          objectId: result.object.id,
          version: result.object.version,
          variant: result.object.variant,
          checksum: result.object.checksum,
          size: Number(result.object.size),
          fileName: result.object.file_name,
          mimeType: result.object.mime_type,
        });
    },
  );

  app.post(
    '/api/v1/:tenant/documents/:id/objects',
    {
      config: { roles: archiveWriters },
      validatorCompiler: uploadCompiler,
      schema: {
        operationId: 'addDocumentVersion',
        tags,
        summary: 'Upload a new version, or another variant (archival format, redacted) of a version',
        consumes: ['multipart/form-data'],
        params: Params,
        body: Type.Object({ file: Type.String({ format: 'binary' }), variant: Type.Optional(Type.String()), version: Type.Optional(Type.String()) }),
        response: { 201: DocumentObjectOut },
      },
    },
    async (request, reply) => {
      await inTenant(ctx, request, (tx) => documentOpenForFiles(tx, request.params.id));
      const { file, fields } = await receive(ctx, request);
      const version = fields.version !== undefined ? Number(fields.version) : undefined;
      const o = await recordWithFile(ctx, request, file, (tx, c) => addDocumentObject(tx, c, request.params.id, { variant: pick(variants, fields.variant) ?? 'production', version }, file));
      return reply.status(201).send({ id: o.id, version: o.version, variant: o.variant, format: o.format, mimeType: o.mime_type, fileName: o.file_name, checksum: o.checksum, checksumAlgorithm: 'SHA-256' as const, size: Number(o.size), createdAt: o.created_at.toISOString() });
    },
  );

  app.patch(
    '/api/v1/:tenant/documents/:id',
    {
      config: { roles: archiveWriters },
      schema: { operationId: 'updateDocument', tags, summary: 'Change the title, type or screening of a document; answers with its registry entry', params: Params, body: UpdateDocumentBody, response: { 200: RegistryEntryOut } },
    },
    async (request) => {
      const details = await inTenant(ctx, request, async (tx, c) => {
        const document = await updateDocument(tx, c, request.params.id, request.body);
        return entryDetails(tx, document.registry_entry_id);
      });
      return presentEntryDetails(details, request.principal);
    },
  );

  app.get(
    '/api/v1/:tenant/documents/:id/content',
    {
      config: { roles: archiveReaders },
      // The bytes go out as stored: their ETag, Repr-Digest and Content-Length name those bytes,
      // and a damaged file must be cut off, not half-compressed.
      compress: false,
      schema: {
        operationId: 'downloadDocument',
        tags,
        summary: 'The bytes of a document: newest version, archival variant first unless asked otherwise',
        params: Params,
        querystring: Type.Object(
          { version: Type.Optional(Type.Integer({ minimum: 1, maximum: 999999 })), variant: Type.Optional(Type.Union([Type.Literal('production'), Type.Literal('archival'), Type.Literal('redacted')])) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The bytes, with the stored MIME type; ETag and Repr-Digest carry the SHA-256',
            content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const object = await inTenant(ctx, request, (tx) => pickObject(tx, request.params.id, request.query));
      // Every file is verified before its first byte is sent (at any size), so a damaged file is a
      // clear error, never a download that looks valid: see FileStore.open for the cost.
      let body: Readable;
      try {
        body = await ctx.files.open(object.checksum);
      } catch (error) {
        const why = error instanceof ChecksumMismatchError ? 'checksum mismatch' : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
        request.log.error({ err: error, checksum: object.checksum, documentId: request.params.id, why }, 'stored document file is damaged or missing; not served');
        throw new ProblemError('storedFileCorrupt', `the stored file of this document is damaged or missing (${why}); an administrator must restore ${object.checksum} from backup`);
      }
      body.on('error', (error) => request.log.error({ err: error, checksum: object.checksum }, 'document file changed while it was sent; the download was cut off'));
      return reply
        // The type comes from the format Rådhus recorded, from a fixed list, never the uploader's
        // word: an HTML page uploaded "as a PDF" is served as a PDF, which the browser will not run.
        .header('content-type', servedContentType(object.format))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-length', String(object.size))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(object.file_name)}`)
        .header('etag', `"${object.checksum}"`)
        .header('repr-digest', `sha-256=:${Buffer.from(object.checksum, 'hex').toString('base64')}:`)
        .header('cache-control', 'private, no-store')
        // Bytes bypass serialisation; the response schema above only documents them.
        .send(body as never);
    },
  );
}

/** The file's own name, without the folders a browser or client may send before it (C:\\x\\a.pdf, x/a.pdf). */
const baseName = (name: string | undefined): string => (name ?? '').split(/[\\/]/).pop()!.trim();
