// SPDX-License-Identifier: EUPL-1.2
// Builds the Fastify application from the module list. Modules are encapsulated plugins; only the
// plumbing here (validation, errors, OpenAPI, request context) is shared.
import Fastify, { type FastifyInstance, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import compress from '@fastify/compress';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { ProblemError, TooManyRequests, problemBody, invalid } from './problem.ts';
import { validatorCompiler, fieldErrors, refuseUnstorableText } from './validation.ts';
import { schemaController } from './compiled-schemas.ts';
import { documentProblems } from './openapi.ts';
import { registerMetrics, type MetricSource } from './metrics.ts';
import { registerSecurity } from './security.ts';
import { requireDeclaredAccess } from './access.ts';
import './auth.ts';

export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

export type { Module } from '../modules.ts';

export interface BuildOptions {
  logger?: boolean;
  /** Figures that other platform parts add to /metrics (events, jobs, mail). */
  metrics?: readonly MetricSource[];
  /** Registered before modules: authentication, tenant resolution. */
  hooks?: (app: App, ctx: AppContext) => Promise<void>;
}

export async function buildApp(ctx: AppContext, options: BuildOptions): Promise<App> {
  const errorPage = ctx.modules.find((module) => module.errorPage)?.errorPage;

  /** A browser asking for a page gets an HTML page (when a module renders one); everyone else problem+json. */
  async function sendProblem(problem: ProblemError, request: FastifyRequest, reply: FastifyReply) {
    if (errorPage) {
      try {
        if (await errorPage(ctx, request, reply, problem.status)) return reply;
      } catch (error) {
        request.log.error({ err: error }, 'the error page failed; answering with problem+json');
      }
    }
    return reply.status(problem.status).type('application/problem+json').send(problemBody(problem, request.url));
  }

  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel, serializers: { req: requestForLog } },
    bodyLimit: 1024 * 1024,
    // Off unless TRUST_PROXY names the proxy: otherwise any caller could claim an address or https.
    // (A hop count is accepted by Fastify at run time; its type declarations omit number.)
    trustProxy: ctx.config.trustProxy as boolean | string[],
    ajv: { customOptions: { allErrors: true } },
    schemaController,
    // Errors the router finds before any route runs (a path that is not valid percent-encoded
    // UTF-8, such as %ff; a path segment longer than maxParamLength) are bad requests like the rest:
    // a page for a browser, problem+json for the API.
    frameworkErrors: (error, request, reply) =>
      void sendProblem(invalid([{ field: 'path', code: 'invalidFormat', message: `${error.message}; send a valid percent-encoded UTF-8 path with segments of at most 100 characters` }]), request, reply as FastifyReply),
  }).withTypeProvider<TypeBoxTypeProvider>();
  // First of all: every route registered from here on must say who may call it.
  requireDeclaredAccess(app);
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON and multipart; a text body is a wrong content type (415), not a bad object.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('tenant', undefined);
  app.decorateRequest('principal', undefined);
  app.decorateRequest('openTransaction', undefined);

  app.setErrorHandler(async (error: FastifyError | ProblemError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    if (problem instanceof TooManyRequests) reply.header('retry-after', String(problem.retryAfterSeconds));
    return sendProblem(problem, request, reply);
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendProblem(new ProblemError('notFound', `no route for ${request.method} ${request.url.split('?')[0]}`), request, reply),
  );

  // Responses are compressed for clients that accept it (pages, JSON, the staff UI's files); routes
  // whose bytes must stay as stored (document downloads, with their digest headers) opt out with
  // `compress: false`. Request bodies are not inflated (the plugin would by default): the API takes
  // JSON and multipart as sent, as it did before, and uploads stay outside the plugin's reach.
  await app.register(compress, { globalDecompression: false });

  await registerSecurity(app, ctx.config);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rådhus API',
        version: '1',
        description: 'The 24-hour town hall: Noark 5 archive, journal, e-services and council information.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A token from `radhus token create`' },
          session: { type: 'apiKey', in: 'cookie', name: 'radhus_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });

  documentProblems(app);
  registerMetrics(app, ctx, options.metrics);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { authentication: false, access: 'public' } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true }, config: { authentication: false, access: 'public' } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(ctx.db.kysely);
      return { status: 'ok', engine: ctx.db.engine };
    } catch (error) {
      // Anyone may ask: the database's own words (host names, users) go to the log only.
      request.log.error({ err: error }, 'health check: the database does not answer');
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  if (options.hooks) await options.hooks(app, ctx);
  // After the authentication hooks, so that an anonymous caller learns nothing about the fields.
  app.addHook('preValidation', refuseUnstorableText);
  for (const module of ctx.modules) {
    const register = module.register;
    // The cast: Fastify's RegisterOptions type has no `name`, yet avvio uses it to name the plugin in
    // errors and the plugin tree; the scope is the same TypeBox-typed instance that App describes.
    if (register) await app.register(async (scope) => register(scope as unknown as App, ctx), { name: module.name } as never);
  }
  return app;
}

/**
 * What a request leaves in the log: the path, never the query string, which can carry a login's
 * authorization code (/auth/callback) or search words that are people's names (?q=…).
 */
export function requestForLog(request: { method: string; url: string; id?: unknown }) {
  return { id: request.id, method: request.method, path: request.url.split('?')[0] };
}

function toProblem(error: FastifyError | ProblemError): ProblemError {
  if (error instanceof ProblemError) return error;
  // A freeze trigger (migration 0010) refused a change a code path forgot to check: still a 409.
  const db = error as { code?: unknown; hint?: unknown; message: string };
  if (db.code === '23000' && typeof db.hint === 'string' && db.hint.startsWith('frozen')) return new ProblemError('conflict', db.message);
  const fe = error as FastifyError & { validation?: any[]; validationContext?: string };
  if (fe.validation) return invalid(fieldErrors(fe.validation, fe.validationContext ?? 'body'));
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413)
    return new ProblemError('payloadTooLarge', 'the request body is larger than allowed: send at most 1 MB of JSON, and files as multipart uploads');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415)
    return new ProblemError('unsupportedMediaType', `unsupported content type: ${fe.message}`);
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe instanceof SyntaxError))
    return new ProblemError('validation', `the body is not valid JSON: ${fe.message}`, [{ field: 'body', code: 'invalidJson', message: 'send a JSON object' }]);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.statusCode === 404 ? 'notFound' : fe.statusCode === 413 ? 'payloadTooLarge' : fe.statusCode === 429 ? 'tooManyRequests' : 'validation';
    return new ProblemError(code, fe.message);
  }
  return new ProblemError('internal', 'an internal error occurred; it has been logged');
}
