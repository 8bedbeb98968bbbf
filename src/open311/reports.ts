// SPDX-License-Identifier: EUPL-1.2
// Reports through Open311: POST requests files one through the forms service (submitForm, in the
// same transaction that records the tracking id), GET requests shows them back with their case's
// status. Only public values leave: the position, the address, the description unless the case
// is screened, the service and dates; never the reporter's name, e-mail or phone number.
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { Principal, TenantRef } from '../platform/http/auth.ts';
import { forbidden, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { isMailAddress } from '../platform/mail/send.ts';
import { isUuid } from '../platform/ids.ts';
import { publicViewOfCaseFile } from '../archive/service.ts';
import { SCREENED_MARK } from '../common/screening.ts';
import { submitForm } from '../forms/service.ts';
import { insertRequest, selectActiveKey, selectRequest, selectRequests, type RequestRow } from './repository.ts';
import { hashKey } from './keys.ts';
import type { Attribute, Service } from './services.ts';

/** The parameters of a POST, as sent (form-encoded): each name with all its values. */
export type Params = Map<string, string[]>;

const one = (p: Params, name: string): string | undefined => p.get(name)?.[0];

/** Text an app may send: no control characters but line breaks and tabs, no unpaired surrogates. */
const storable = (s: string): boolean => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

function text(p: Params, name: string, max: number, errors: FieldError[]): string | undefined {
  const v = one(p, name);
  if (v === undefined || v.trim() === '') return undefined;
  if (v.length > max) errors.push({ field: name, code: 'tooLong', message: `at most ${max} characters` });
  else if (!storable(v)) errors.push({ field: name, code: 'invalidCharacters', message: 'holds characters that are not text' });
  else return v.trim();
  return undefined;
}

function coordinate(p: Params, name: 'lat' | 'long', limit: number, errors: FieldError[]): number | undefined {
  const v = one(p, name);
  if (v === undefined || v === '') return undefined;
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim()) ? Number(v) : Number.NaN;
  if (Number.isNaN(n)) errors.push({ field: name, code: 'wrongType', message: 'must be a decimal number (WGS84 degrees)' });
  else if (Math.abs(n) > limit) errors.push({ field: name, code: 'outOfRange', message: `must be between -${limit} and ${limit}` });
  else return n;
  return undefined;
}

/** attribute[code]=v and attribute[code][]=v, typed by the service definition. */
function answersOf(service: Service, p: Params, errors: FieldError[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const known = new Map(service.attributes.map((a) => [a.code, a]));
  for (const [name, values] of p) {
    const m = /^attribute\[([^\]]*)\](\[\])?$/.exec(name);
    if (!m) continue;
    const a: Attribute | undefined = known.get(m[1]!);
    const field = `attribute[${m[1]}]`;
    if (!a) {
      errors.push({ field, code: 'unknownField', message: `service ${service.form.key} has no attribute "${m[1]}"` });
      continue;
    }
    if (values.some((v) => !storable(v) || v.length > 4000)) {
      errors.push({ field, code: 'invalidCharacters', message: 'holds characters that are not text, or is too long' });
      continue;
    }
    const schema = (service.form.definition.schema as { properties: Record<string, { type?: string }> }).properties[a.code]!;
    if (a.datatype === 'multivaluelist') answers[a.code] = values;
    else if (values.length > 1) errors.push({ field, code: 'tooMany', message: 'takes one value' });
    else if (schema.type === 'boolean') answers[a.code] = values[0] === 'true' ? true : values[0] === 'false' ? false : values[0];
    else if (a.datatype === 'number') answers[a.code] = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(values[0]!.trim()) ? Number(values[0]) : values[0];
    else answers[a.code] = values[0];
  }
  return answers;
}

export interface Filed {
  id: string;
  caseNumber: string;
}

/**
 * Files one report. Refusals (a wrong key, bad values, answers the form's schema refuses) are
 * thrown before anything is written; submitForm's own refusals roll the transaction back.
 */
export async function fileReport(tx: Tx, ctx: AppContext, tenant: TenantRef, services: readonly Service[], p: Params, staged: StagedFile[]): Promise<Filed> {
  const apiKey = one(p, 'api_key');
  const key = apiKey && apiKey.length <= 200 ? await selectActiveKey(tx, hashKey(apiKey)) : undefined;
  if (!key) throw forbidden(apiKey ? 'the api_key is not valid for this jurisdiction (unknown or revoked)' : 'api_key is required to post a report');
  const errors: FieldError[] = [];
  const code = one(p, 'service_code');
  const service = code ? services.find((s) => s.form.key === code) : undefined;
  if (!code) errors.push({ field: 'service_code', code: 'required', message: 'service_code is required (see services.json)' });
  else if (!service) throw notFound(`service_code ${code}`);
  const lat = coordinate(p, 'lat', 90, errors);
  const long = coordinate(p, 'long', 180, errors);
  if ((lat === undefined) !== (long === undefined) && !errors.some((e) => e.field === 'lat' || e.field === 'long'))
    errors.push({ field: lat === undefined ? 'lat' : 'long', code: 'required', message: 'lat and long are sent together' });
  const address = text(p, 'address_string', 500, errors) ?? text(p, 'address_id', 200, errors);
  const description = text(p, 'description', 4000, errors);
  const firstName = text(p, 'first_name', 100, errors);
  const lastName = text(p, 'last_name', 100, errors);
  const email = text(p, 'email', 254, errors);
  if (email && !isMailAddress(email)) errors.push({ field: 'email', code: 'invalidEmail', message: 'is not an e-mail address' });
  for (const name of ['phone', 'device_id', 'account_id', 'media_url']) text(p, name, 500, errors);
  const hasPosition = lat !== undefined && long !== undefined;
  if (!hasPosition && !address && !errors.some((e) => e.field === 'lat' || e.field === 'long'))
    errors.push({ field: 'lat', code: 'required', message: 'a location is required: lat and long, or address_string' });
  else if (!hasPosition && service?.positionRequired) errors.push({ field: 'lat', code: 'required', message: `service ${service.form.key} needs the position: lat and long` });
  if (!service) throw invalid(errors);
  const answers = answersOf(service, p, errors);
  if (errors.length) throw invalid(errors);

  if (hasPosition) answers[service.positionField] = { lat, lon: long };
  if (description && service.descriptionField && answers[service.descriptionField] === undefined) answers[service.descriptionField] = description;
  if (address && service.addressField && answers[service.addressField] === undefined) answers[service.addressField] = address;

  const principal: Principal = { kind: 'system', id: key.id, name: `Open311: ${key.name}`, roles: [] };
  const name = [firstName, lastName].filter(Boolean).join(' ') || undefined;
  let submitted;
  try {
    submitted = await submitForm(tx, ctx, tenant, principal, { formId: service.form.formId, answers, reporter: { name, email, channel: 'open311' } }, [], staged);
  } catch (error) {
    // The form's schema speaks of answers.<field>; the app sent attribute[<field>] (or lat/long, description).
    if (error instanceof Error && 'errors' in error && Array.isArray(error.errors)) {
      for (const e of error.errors as FieldError[]) e.field = e.field.replace(/^answers\.([^.]+)(.*)$/, (_m, f: string, rest: string) => (f === service.positionField ? 'lat' : f === service.descriptionField ? 'description' : `attribute[${f}]${rest}`));
    }
    throw error;
  }
  const row = submitted.row;
  await insertRequest(tx, {
    id: row.id, tenant_id: tenant.id, key_id: key.id, service_code: service.form.key, case_file_id: row.case_file_id, lat: lat ?? null, long: long ?? null,
    address: address ?? null, description: description ?? null, requested_at: row.created_at,
  });
  return { id: row.id, caseNumber: row.case_number };
}

export interface RequestQuery {
  ids?: string[] | undefined;
  serviceCode?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  status?: 'open' | 'closed' | undefined;
}

const DAY = 24 * 60 * 60 * 1000;

/** One request as the public may see it, or undefined when its case is not public (void). */
async function present(tx: Tx, r: RequestRow, services: readonly Service[], language: TenantRef['language'], agency: string) {
  const kase = (await publicViewOfCaseFile(tx, r.case_file_id))?.caseFile;
  if (!kase || kase.status === 'void') return undefined;
  const closed = kase.status === 'closed' || kase.status === 'closed-by-officer';
  // A screened case shows its position and service, never the reporter's words.
  const screened = kase.publicTitle.includes(SCREENED_MARK);
  const service = services.find((s) => s.form.key === r.service_code);
  const days = service?.form.definition.processingDays;
  return {
    service_request_id: r.id, status: closed ? 'closed' : 'open', status_notes: null, service_name: service?.form.definition.title[language] ?? null, service_code: r.service_code,
    description: screened ? null : r.description, agency_responsible: agency, service_notice: null, requested_datetime: r.requested_at.toISOString(),
    updated_datetime: kase.updatedAt.toISOString(), expected_datetime: days ? new Date(r.requested_at.getTime() + days * DAY).toISOString() : null,
    address: r.address, address_id: null, zipcode: null, lat: r.lat, long: r.long, media_url: null,
  };
}

export type PublicRequest = NonNullable<Awaited<ReturnType<typeof present>>>;

export async function listRequests(tx: Tx, tenant: TenantRef, services: readonly Service[], q: RequestQuery): Promise<PublicRequest[]> {
  const rows = await selectRequests(tx, q.ids ? { ids: q.ids, limit: 1000 } : { serviceCode: q.serviceCode, from: q.from, to: q.to, limit: 1000 });
  const out: PublicRequest[] = [];
  for (const r of rows) {
    const shown = await present(tx, r, services, tenant.language, tenant.name);
    if (shown && (!q.status || shown.status === q.status)) out.push(shown);
  }
  return out;
}

export async function readRequest(tx: Tx, tenant: TenantRef, services: readonly Service[], id: string): Promise<PublicRequest> {
  const row = isUuid(id) ? await selectRequest(tx, id) : undefined;
  const shown = row && (await present(tx, row, services, tenant.language, tenant.name));
  if (!shown) throw notFound(`service request ${id}`);
  return shown;
}
