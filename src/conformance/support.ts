// SPDX-License-Identifier: EUPL-1.2
// Turns the OpenAPI document into requests: every operation under /api/v1/{tenant}/ is planned from
// its parameters and body schema, with ids taken from a fixture. What the planner cannot fill is an
// error, so a new route either gets exercised by the isolation walk or makes it fail.
import type { InjectOptions } from 'fastify';
import { multipartBody } from '../test-support/multipart.ts';

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  minProperties?: number;
  default?: unknown;
  examples?: unknown[];
  $ref?: string;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  operationId?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface WalkOperation {
  method: string;
  path: string;
  operation: Operation;
  name: string;
}

export function operationsOf(doc: OpenApiDocument): WalkOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => (httpMethods as readonly string[]).includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation, name: operation.operationId ?? `${method.toUpperCase()} ${path}` })),
  );
}

export const tenantPrefix = '/api/v1/{tenant}/';
export const tenantOperations = (doc: OpenApiDocument): WalkOperation[] => operationsOf(doc).filter((o) => o.path.startsWith(tenantPrefix));

/** The kinds of ids a fixture holds; the walk substitutes one tenant's for another's. */
export const idKinds = ['caseFile', 'otherCaseFile', 'registryEntry', 'otherRegistryEntry', 'document', 'class', 'series', 'token', 'unit', 'otherUnit', 'user', 'closedDay', 'correspondent', 'accessRequest', 'message', 'property', 'form', 'otherForm', 'submission', 'signing', 'depositJob', 'open311Key',
  'councilTerm', 'councilParty', 'councilPerson', 'councilBody', 'councilMembership', 'councilMeeting', 'councilItem', 'councilPresentation', 'councilProposal', 'councilPlannedItem',
  'councilPaper', 'councilNote', 'councilCall', 'question', 'consultation', 'citizenProposal'] as const;
export type IdKind = (typeof idKinds)[number];

export interface Ids extends Record<IdKind, string> {
  /** A title of the tenant's, for search parameters. */
  searchText: string;
}

/** Which id a `{id}` path parameter takes, by the collection segment before it. */
const pathIdKinds: Record<string, IdKind> = {
  'case-files': 'caseFile',
  'registry-entries': 'registryEntry',
  documents: 'document',
  tokens: 'token',
  classes: 'class',
  series: 'series',
  'closed-days': 'closedDay',
  units: 'unit',
  correspondents: 'correspondent',
  'access-requests': 'accessRequest',
  // My page (…/my/cases/{id}, …/my/messages/{id}, …/my/properties/{id}): the fixture's person's own.
  cases: 'caseFile',
  messages: 'message',
  properties: 'property',
  forms: 'form',
  submissions: 'submission',
  signings: 'signing',
  'deposit-jobs': 'depositJob',
  keys: 'open311Key',
};

/** Path parameters named otherwise than {id}, and the id they take. */
const namedPathIds: Record<string, IdKind> = {
  entryId: 'registryEntry',
  // The council's API (issue 10) names its ids by what they are.
  bodyId: 'councilBody', personId: 'councilPerson', membershipId: 'councilMembership', meetingId: 'councilMeeting', itemId: 'councilItem',
  // The politician's workspace (issue 11): a paper of the summoned item, the fixture person's note and substitute call.
  documentId: 'councilPaper', noteId: 'councilNote', callId: 'councilCall',
  // Questions to politicians (issue 11): the fixture's person asked the fixture's politician.
  questionId: 'question',
  // Consultations (issue 11 §2).
  consultationId: 'consultation',
  // Citizen proposals (issue 11).
  proposalId: 'citizenProposal',
};

/** Path parameters after `{id}`: the file of an access request (no fixture has one: any id meets a 404). */
const subPathIdKinds: Record<string, IdKind> = { fileId: 'document' };

/** The id kind of a path parameter other than the first id (named, or one after `{id}`). */
const pathParamKind = (name: string): IdKind => namedPathIds[name] ?? subPathIdKinds[name]!;

/** Whether the operation's path carries any id (so an answer to another municipality's ids is a leak). */
export const hasPathIds = (op: Pick<WalkOperation, 'path'>): boolean => /\{(?!tenant\})\w+\}/.test(op.path);

/**
 * Which id a body or query field takes, by its name. Each value is chosen so that the request with
 * the tenant's own ids succeeds: a reply answers another entry, a cross reference points elsewhere.
 */
const fieldIdKinds: Record<string, (body: Record<string, unknown>) => IdKind> = {
  classId: () => 'class',
  seriesId: () => 'series',
  followsUp: () => 'registryEntry',
  byRegistryEntryId: () => 'otherRegistryEntry',
  toId: (body) => (body.toType === 'registry-entry' ? 'otherRegistryEntry' : 'otherCaseFile'),
  caseFileId: () => 'otherCaseFile',
  registryEntryId: () => 'otherRegistryEntry',
  documentId: () => 'document',
  entityId: () => 'caseFile',
  // A unit's parent is another unit, never itself.
  parentId: () => 'otherUnit',
  responsibleUnitId: () => 'unit',
  responsibleOfficerId: () => 'user',
  userId: () => 'user',
  unitId: () => 'unit',
  // The publication policy's units never listed.
  excludedUnitIds: () => 'otherUnit',
  // An access request's entries (createAccessRequest) and the request an appeal names.
  entries: () => 'registryEntry',
  requestId: () => 'accessRequest',
  // A form to submit (published), and a form to adopt: another municipality's published forms are
  // meant to be adopted, so the walk names the unpublished one, which must not cross.
  formId: () => 'form',
  sourceFormId: () => 'otherForm',
  // The export a verification checks.
  exportJobId: () => 'depositJob',
  // The council: a meeting of the fixture's body, a seat for a term, a person of a party; an item's
  // case presentation is an entry of the item's case (the other case file, where the fixture's item is).
  bodyId: () => 'councilBody',
  body: () => 'councilBody',
  termId: () => 'councilTerm',
  personId: () => 'councilPerson',
  partyId: () => 'councilParty',
  presentationEntryId: () => 'councilPresentation',
  proposerPersonId: () => 'councilPerson',
  personIds: () => 'councilPerson',
  proposalId: () => 'councilProposal',
  // The agenda order of the planned meeting ({meetingId}) lists that meeting's own item.
  itemIds: () => 'councilPlannedItem',
  // The item under discussion (setCurrentAgendaItem) on the planned meeting ({meetingId}): its own item.
  itemId: () => 'councilPlannedItem',
  // The public question list's filters (listQuestions): a politician, a party.
  person: () => 'councilPerson',
  party: () => 'councilParty',
  // A consultation's documents are entries of its case: the fixture's is on the other case file.
  documentEntryIds: () => 'councilPresentation',
  // The body that decides citizen proposals (participation settings).
  proposalBodyId: () => 'councilBody',
};

/** Values the domain needs beyond what the schema says (an incoming letter has a sender). */
const fieldHints: Record<string, unknown> = {
  correspondents: [{ name: 'Walk Correspondent', kind: 'person', role: 'sender' }],
  // A document's publication changes something (the body needs one property).
  publishedInFull: true,
  // A submission by a case officer for a citizen who phoned, with answers the walk's form takes.
  onBehalfOf: { nationalId: '15076500565', channel: 'phone' },
  answers: { what: 'road', position: { lat: 69.2, lon: 19.4 } },
};

/**
 * Values for free strings of these names (not for a const or enum of the same name, such as an access
 * decision's outcome): a council vote's option matches its pattern and the outcome is a counted
 * option. The walk's meeting records nobody present, so a count of 0 adds up.
 */
const stringHints: Record<string, string> = { option: 'for', outcome: 'for' };

/**
 * Body fields an operation needs beyond its schema's required ones, by operationId: a comment without
 * login names its author and address; a confirmation carries the fixture's known token.
 */
const operationHints: Record<string, Record<string, unknown>> = {
  submitConsultationComment: { authorName: 'Walk Commenter', email: 'walk@example.org' },
  confirmConsultationComment: { token: 'WalkConfirmationTokenExample0001' },
};

/** Bodies of media types other than JSON and multipart: a valid sample of each. */
const textBodies: Record<string, string> = { 'text/vtt': 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nWalk caption\n' };

/**
 * Hints that depend on the field's schema: a screening must screen something, but a party's own
 * screening has no fields (it is the whole party).
 */
const schemaHints: Record<string, (schema: JsonSchema, doc: OpenApiDocument) => unknown> = {
  screening: (schema, doc) => {
    const variants = (schema.anyOf ?? [schema]).map((v) => resolve(v, doc));
    const object = variants.find((v) => v.properties?.legalBasis);
    return object?.properties?.fields ? { legalBasis: 'Offl. § 13', fields: ['description'] } : { legalBasis: 'Offl. § 13' };
  },
};

const searchFields = new Set(['q']);

export class PlanError extends Error {}

// An object or a list of objects (the request body itself, the council's attendance `entries`) is
// not an id, whatever its name.
// A citizen proposal's `body` is its text, not the council body the name means elsewhere: a name
// that is also a text field is an id only where its schema says uuid.
const textNames = new Set(['body']);
const isIdField = (name: string, schema: JsonSchema | undefined): boolean =>
  schema?.type !== 'object' && !(schema?.type === 'array' && schema.items?.type === 'object') &&
  ((name in fieldIdKinds && !(textNames.has(name) && schema?.format !== 'uuid')) || /(Id|Ids)$/.test(name) || schema?.format === 'uuid' || schema?.items?.format === 'uuid');

function resolve(schema: JsonSchema, doc: OpenApiDocument): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new PlanError(`cannot resolve ${schema.$ref}`);
  return resolve(target, doc);
}

interface SampleContext {
  doc: OpenApiDocument;
  ids: (field: string, body: Record<string, unknown>) => Ids;
  where: string;
}

/** A valid value for a schema: examples and defaults first, then the simplest thing that passes. */
function sample(input: JsonSchema, field: string, c: SampleContext, parent: Record<string, unknown> = {}): unknown {
  const schema = resolve(input, c.doc);
  if (field in fieldHints) return structuredClone(fieldHints[field]);
  if (field in schemaHints) return schemaHints[field]!(schema, c.doc);
  if (isIdField(field, schema)) {
    const kindOf = fieldIdKinds[field];
    if (!kindOf) throw new PlanError(`${c.where}: no fixture id for the field "${field}"; add it to fieldIdKinds in src/conformance/support.ts`);
    const id = c.ids(field, parent)[kindOf(parent)];
    return schema.type === 'array' ? [id] : id;
  }
  if (schema.examples?.length) return structuredClone(schema.examples[0]);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const branch = schema.anyOf ?? schema.oneOf;
  if (branch) {
    const usable = branch.find((b) => resolve(b, c.doc).type !== 'null');
    if (!usable) throw new PlanError(`${c.where}: no usable branch for "${field}"`);
    return sample(usable, field, c, parent);
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sample(s, field, c, parent)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return sampleObject(schema, c);
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, () => sample(schema.items ?? {}, field, c)) : [];
    case 'string':
      if (schema.format === 'date') return '2026-03-02';
      if (schema.format === 'date-time') return '2026-03-02T10:00:00Z';
      if (schema.format === 'email') return 'walk@example.org';
      if (field in stringHints) return stringHints[field];
      return `Walk ${field}`.padEnd(schema.minLength ?? 1, 'x');
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      throw new PlanError(`${c.where}: cannot make a value for "${field}" (schema ${JSON.stringify(schema).slice(0, 120)})`);
  }
}

function sampleObject(schema: JsonSchema, c: SampleContext): Record<string, unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const chosen = Object.keys(properties).filter((name) => required.has(name) || name in fieldHints || name in schemaHints || isIdField(name, properties[name]));
  // minProperties: add optional plain fields (a title before anything nested) until satisfied.
  for (const name of Object.keys(properties)) {
    if (chosen.length >= (schema.minProperties ?? 0)) break;
    if (!chosen.includes(name) && resolve(properties[name]!, c.doc).type === 'string') chosen.push(name);
  }
  const body: Record<string, unknown> = {};
  // Plain fields first, so an id field can depend on them (toId on toType).
  const ordered = [...chosen.filter((n) => !isIdField(n, properties[n])), ...chosen.filter((n) => isIdField(n, properties[n]))];
  for (const name of ordered) body[name] = sample(properties[name]!, name, c, body);
  return body;
}

export interface PlannedOperation extends WalkOperation {
  /** Body and query fields that carry ids: each is also attacked on its own. */
  idFields: string[];
  build(options: BuildOptions): InjectOptions;
}

export interface BuildOptions {
  slug: string;
  token: string;
  /** Ids for the path. */
  path: Ids;
  /** Ids for body and query fields, by field name. */
  fields: (field: string) => Ids;
  /** Distinguishes uploaded files, so that no two are the same bytes. */
  nonce: string;
}

/** Plans one operation, or throws PlanError saying what the planner does not know. */
export function planOperation(op: WalkOperation, doc: OpenApiDocument): PlannedOperation {
  const where = `${op.name} (${op.method} ${op.path})`;
  const parameters = op.operation.parameters ?? [];
  for (const p of parameters) {
    if (p.in === 'path' && p.name !== 'tenant' && p.name !== 'id' && !namedPathIds[p.name] && !(p.name in subPathIdKinds))
      throw new PlanError(`${where}: unknown path parameter {${p.name}}; teach src/conformance/support.ts to fill it`);
    if ((p.in === 'header' || p.in === 'cookie') && p.required) throw new PlanError(`${where}: required ${p.in} parameter ${p.name} is not supported by the walk`);
  }
  // A named id parameter (the contract spells it so, e.g. {entryId}) is walked as {id}.
  const template = op.path.split('/');
  const segments = template.map((s) => (namedPathIds[s.slice(1, -1)] ? '{id}' : s));
  const idIndex = segments.indexOf('{id}');
  const named = op.path.split('/')[idIndex]?.slice(1, -1);
  const pathKind = idIndex > 0 ? (named && namedPathIds[named]) || pathIdKinds[segments[idIndex - 1]!] : undefined;
  if (idIndex > 0 && !pathKind) throw new PlanError(`${where}: no fixture id for {id} after "${segments[idIndex - 1]}"; add it to pathIdKinds in src/conformance/support.ts`);
  const query = parameters.filter((p) => p.in === 'query');
  for (const p of query) {
    if (p.required && !isIdField(p.name, p.schema) && p.schema?.default === undefined && !searchFields.has(p.name))
      throw new PlanError(`${where}: cannot fill the required query parameter "${p.name}"`);
  }
  const content = op.operation.requestBody?.content ?? {};
  const mediaType = Object.keys(content)[0];
  const bodySchema = mediaType ? content[mediaType]!.schema : undefined;
  const idFields = [
    ...query.filter((p) => isIdField(p.name, p.schema)).map((p) => p.name),
    ...Object.entries(bodySchema ? resolve(bodySchema, doc).properties ?? {} : {}).filter(([n, s]) => isIdField(n, s)).map(([n]) => n),
  ];

  const build = (o: BuildOptions): InjectOptions => {
    const c: SampleContext = { doc, ids: (field) => o.fields(field), where };
    // Every `{…}` gets its own kind: {meetingId}/…/{personId} takes a meeting's id and a person's.
    const url = template.map((s, i) => (s === '{tenant}' ? o.slug : i === idIndex ? o.path[pathKind!] : /^\{\w+\}$/.test(s) ? o.path[pathParamKind(s.slice(1, -1))] : s)).join('/');
    const params = new URLSearchParams();
    for (const p of query) {
      if (searchFields.has(p.name)) params.set(p.name, o.fields(p.name).searchText);
      else if (isIdField(p.name, p.schema)) params.set(p.name, String(sample(p.schema ?? {}, p.name, c)));
      else if (p.required) params.set(p.name, String(p.schema?.default));
    }
    const qs = params.toString();
    const headers: Record<string, string> = { authorization: `Bearer ${o.token}` };
    const request: InjectOptions = { method: op.method as InjectOptions['method'], url: qs ? `${url}?${qs}` : url, headers };
    if (!bodySchema || !mediaType) return request;
    if (mediaType === 'application/json') return { ...request, payload: { ...(sample(bodySchema, 'body', c) as object), ...operationHints[op.name] } };
    if (mediaType === 'multipart/form-data') {
      const schema = resolve(bodySchema, doc);
      const parts: Parameters<typeof multipartBody>[0] = {};
      for (const [name, s] of Object.entries(schema.properties ?? {})) {
        if (s.format === 'binary') parts[name] = { name: `walk-${o.nonce}.txt`, type: 'text/plain', content: Buffer.from(`walk ${o.nonce}\n`) };
        else if (schema.required?.includes(name) || isIdField(name, s)) parts[name] = String(sample(s, name, c));
      }
      const form = multipartBody(parts);
      return { ...request, headers: { ...headers, ...form.headers }, payload: form.body };
    }
    const text = textBodies[mediaType];
    if (text !== undefined) return { ...request, headers: { ...headers, 'content-type': mediaType }, payload: text };
    throw new PlanError(`${where}: cannot send a body of type ${mediaType}`);
  };
  // Build once now so that what cannot be filled fails the plan, not a request later.
  const probe = Object.fromEntries([...idKinds.map((k) => [k, '00000000-0000-7000-8000-000000000000']), ['searchText', 'probe']]) as Ids;
  build({ slug: 'probe', token: 'probe', path: probe, fields: () => probe, nonce: 'probe' });
  return { ...op, idFields, build };
}
