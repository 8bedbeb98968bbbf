// SPDX-License-Identifier: EUPL-1.2
// The council's roster (issue 10 §1): election periods, parties, elected persons, political bodies
// and who sits in them (substitutes in their order). Every write checks all its fields first and
// names each failing one, so a refused request writes nothing; every change tells the projection
// (`council.roster.changed`).
import type { Tx } from '../platform/db/transaction.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { writeEvent } from '../platform/outbox.ts';
import type { BodyKind, MembershipRole } from './tables.ts';
import * as repo from './roster-repository.ts';

export interface CouncilCtx { tenantId: string; actor: string; at: Date }

export const rosterChanged = (tx: Tx, c: CouncilCtx) =>
  writeEvent(tx, { tenantId: c.tenantId, type: 'council.roster.changed', aggregateType: 'council-roster', aggregateId: c.tenantId, payload: {}, at: c.at });

/** Throws one 400 naming every failing field; returns when there is none. */
export function refuse(errors: FieldError[], detail?: string): void {
  if (errors.length) throw invalid(errors, detail);
}

const trimmed = (errors: FieldError[], field: string, value: string | undefined, max = 200): string | undefined => {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!v) errors.push({ field, code: 'required', message: 'must not be blank' });
  else if (v.length > max) errors.push({ field, code: 'tooLong', message: `at most ${max} characters` });
  return v;
};

async function partyRef(tx: Tx, errors: FieldError[], field: string, id: string | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  if (!isUuid(id) || !(await repo.selectParty(tx, id))) errors.push({ field, code: 'notFound', message: 'no such party in this municipality' });
}

// --- terms -------------------------------------------------------------------------------------
export interface TermInput { name: string; startsOn: string; endsOn: string }

export async function createTerm(tx: Tx, c: CouncilCtx, input: TermInput): Promise<repo.TermRow> {
  const errors: FieldError[] = [];
  const name = trimmed(errors, 'name', input.name)!;
  if (input.endsOn <= input.startsOn) errors.push({ field: 'endsOn', code: 'outOfRange', message: 'must be after startsOn' });
  if (name && (await repo.termNameTaken(tx, name))) errors.push({ field: 'name', code: 'taken', message: 'a term of this name exists' });
  refuse(errors);
  const row: repo.TermRow = { id: newId(), tenant_id: c.tenantId, name, starts_on: input.startsOn, ends_on: input.endsOn, created_at: c.at, updated_at: c.at };
  await repo.insertTerm(tx, row);
  await rosterChanged(tx, c);
  return row;
}

// --- parties -----------------------------------------------------------------------------------
export interface PartyInput { code: string; name: string }

export async function createParty(tx: Tx, c: CouncilCtx, input: PartyInput): Promise<repo.PartyRow> {
  const errors: FieldError[] = [];
  const code = trimmed(errors, 'code', input.code, 20)!;
  const name = trimmed(errors, 'name', input.name)!;
  if (code && code.length <= 20 && (await repo.partyCodeTaken(tx, code))) errors.push({ field: 'code', code: 'taken', message: 'a party with these letters exists' });
  refuse(errors);
  const row: repo.PartyRow = { id: newId(), tenant_id: c.tenantId, code, name, created_at: c.at, updated_at: c.at };
  await repo.insertParty(tx, row);
  await rosterChanged(tx, c);
  return row;
}

// --- persons -----------------------------------------------------------------------------------
export interface PersonInput { givenName: string; familyName: string; partyId?: string | null; userId?: string | null; email?: string | null }

async function checkPerson(tx: Tx, errors: FieldError[], input: Partial<PersonInput>): Promise<void> {
  await partyRef(tx, errors, 'partyId', input.partyId);
  if (input.userId !== undefined && input.userId !== null && (!isUuid(input.userId) || !(await repo.userHere(tx, input.userId))))
    errors.push({ field: 'userId', code: 'notFound', message: 'no user with a role in this municipality' });
  if (input.email !== undefined && input.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) errors.push({ field: 'email', code: 'invalidEmail', message: 'not an e-mail address' });
}

export async function createPerson(tx: Tx, c: CouncilCtx, input: PersonInput): Promise<repo.PersonRow> {
  const errors: FieldError[] = [];
  const given = trimmed(errors, 'givenName', input.givenName)!;
  const family = trimmed(errors, 'familyName', input.familyName)!;
  await checkPerson(tx, errors, input);
  refuse(errors);
  const row: repo.PersonRow = {
    id: newId(), tenant_id: c.tenantId, given_name: given, family_name: family, party_id: input.partyId ?? null,
    user_id: input.userId ?? null, email: input.email?.toLowerCase() ?? null, created_at: c.at, updated_at: c.at,
  };
  await repo.insertPerson(tx, row);
  await rosterChanged(tx, c);
  return row;
}

export async function updatePerson(tx: Tx, c: CouncilCtx, id: string, input: Partial<PersonInput>): Promise<repo.PersonRow> {
  const person = isUuid(id) ? await repo.selectPerson(tx, id) : undefined;
  if (!person) throw notFound(`council person ${id}`);
  const errors: FieldError[] = [];
  const given = trimmed(errors, 'givenName', input.givenName);
  const family = trimmed(errors, 'familyName', input.familyName);
  await checkPerson(tx, errors, input);
  refuse(errors);
  const changes: Partial<repo.PersonRow> = { updated_at: c.at };
  if (given !== undefined) changes.given_name = given;
  if (family !== undefined) changes.family_name = family;
  if (input.partyId !== undefined) changes.party_id = input.partyId;
  if (input.userId !== undefined) changes.user_id = input.userId;
  if (input.email !== undefined) changes.email = input.email?.toLowerCase() ?? null;
  await repo.updatePersonRow(tx, id, changes);
  await rosterChanged(tx, c);
  return { ...person, ...changes };
}

// --- bodies ------------------------------------------------------------------------------------
export interface BodyInput { code: string; kind: BodyKind; name: string; shortName?: string | null; publishDaysBefore?: number; adjustersRequired?: number; unitId?: string | null }

async function checkBody(tx: Tx, errors: FieldError[], input: Partial<BodyInput>, except?: string): Promise<void> {
  if (input.code !== undefined && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(input.code)) errors.push({ field: 'code', code: 'pattern', message: 'lower-case letters, digits and hyphens, at most 40' });
  else if (input.code !== undefined && (await repo.bodyCodeTaken(tx, input.code, except))) errors.push({ field: 'code', code: 'taken', message: 'a body with this code exists' });
  if (input.unitId !== undefined && input.unitId !== null && (!isUuid(input.unitId) || !(await repo.unitExists(tx, input.unitId))))
    errors.push({ field: 'unitId', code: 'notFound', message: 'no such unit in this municipality' });
}

export async function createBody(tx: Tx, c: CouncilCtx, input: BodyInput): Promise<repo.BodyRow> {
  const errors: FieldError[] = [];
  const name = trimmed(errors, 'name', input.name)!;
  await checkBody(tx, errors, input);
  refuse(errors);
  const row: repo.BodyRow = {
    id: newId(), tenant_id: c.tenantId, code: input.code, kind: input.kind, name, short_name: input.shortName ?? null,
    publish_days_before: input.publishDaysBefore ?? 7, adjusters_required: input.adjustersRequired ?? 2, unit_id: input.unitId ?? null, created_at: c.at, updated_at: c.at,
  };
  await repo.insertBody(tx, row);
  await rosterChanged(tx, c);
  return row;
}

export async function updateBody(tx: Tx, c: CouncilCtx, id: string, input: Partial<BodyInput>): Promise<repo.BodyRow> {
  const body = isUuid(id) ? await repo.selectBody(tx, id) : undefined;
  if (!body) throw notFound(`council body ${id}`);
  const errors: FieldError[] = [];
  const name = trimmed(errors, 'name', input.name);
  await checkBody(tx, errors, input, id);
  refuse(errors);
  const changes: Partial<repo.BodyRow> = { updated_at: c.at };
  if (input.code !== undefined) changes.code = input.code;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (name !== undefined) changes.name = name;
  if (input.shortName !== undefined) changes.short_name = input.shortName;
  if (input.publishDaysBefore !== undefined) changes.publish_days_before = input.publishDaysBefore;
  if (input.adjustersRequired !== undefined) changes.adjusters_required = input.adjustersRequired;
  if (input.unitId !== undefined) changes.unit_id = input.unitId;
  await repo.updateBodyRow(tx, id, changes);
  await rosterChanged(tx, c);
  return { ...body, ...changes };
}

// --- memberships -------------------------------------------------------------------------------
export interface MembershipInput { termId: string; personId: string; role: MembershipRole; partyId?: string | null; substituteOrder?: number | null; startsOn?: string; endsOn?: string | null }

async function checkMembership(tx: Tx, errors: FieldError[], m: repo.MembershipRow, term: repo.TermRow | undefined, except?: string): Promise<void> {
  if ((m.role === 'substitute') !== (m.substitute_order !== null))
    errors.push({ field: 'substituteOrder', code: m.role === 'substitute' ? 'required' : 'notAllowed', message: 'substitutes, and only they, have an order in which they are called' });
  else if (m.role === 'substitute' && (await repo.substituteOrderTaken(tx, { ...m, substitute_order: m.substitute_order! }, except)))
    errors.push({ field: 'substituteOrder', code: 'taken', message: 'another substitute of this list has this place' });
  if (m.ends_on !== null && m.ends_on < m.starts_on) errors.push({ field: 'endsOn', code: 'outOfRange', message: 'must not be before startsOn' });
  if (term && (m.starts_on < term.starts_on || m.starts_on > term.ends_on)) errors.push({ field: 'startsOn', code: 'outOfRange', message: `must lie in the term ${term.starts_on}–${term.ends_on}` });
}

export async function createMembership(tx: Tx, c: CouncilCtx, bodyId: string, input: MembershipInput): Promise<repo.MembershipRow> {
  const body = isUuid(bodyId) ? await repo.selectBody(tx, bodyId) : undefined;
  if (!body) throw notFound(`council body ${bodyId}`);
  const errors: FieldError[] = [];
  const term = isUuid(input.termId) ? await repo.selectTerm(tx, input.termId) : undefined;
  if (!term) errors.push({ field: 'termId', code: 'notFound', message: 'no such term in this municipality' });
  const person = isUuid(input.personId) ? await repo.selectPerson(tx, input.personId) : undefined;
  if (!person) errors.push({ field: 'personId', code: 'notFound', message: 'no such person in this municipality' });
  await partyRef(tx, errors, 'partyId', input.partyId);
  const row: repo.MembershipRow = {
    id: newId(), tenant_id: c.tenantId, body_id: bodyId, term_id: input.termId, person_id: input.personId, role: input.role,
    party_id: input.partyId !== undefined ? input.partyId : (person?.party_id ?? null), substitute_order: input.substituteOrder ?? null,
    starts_on: input.startsOn ?? term?.starts_on ?? '', ends_on: input.endsOn ?? null, created_at: c.at, updated_at: c.at,
  };
  if (term) await checkMembership(tx, errors, row, term);
  refuse(errors);
  await repo.insertMembership(tx, row);
  await rosterChanged(tx, c);
  return row;
}

export async function updateMembership(tx: Tx, c: CouncilCtx, id: string, input: Partial<Omit<MembershipInput, 'termId' | 'personId'>>): Promise<repo.MembershipRow> {
  const m = isUuid(id) ? await repo.selectMembership(tx, id) : undefined;
  if (!m) throw notFound(`council membership ${id}`);
  const errors: FieldError[] = [];
  await partyRef(tx, errors, 'partyId', input.partyId);
  const next: repo.MembershipRow = {
    ...m, updated_at: c.at,
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.partyId !== undefined ? { party_id: input.partyId } : {}),
    ...(input.substituteOrder !== undefined ? { substitute_order: input.substituteOrder } : input.role !== undefined && input.role !== 'substitute' ? { substitute_order: null } : {}),
    ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
    ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
  };
  await checkMembership(tx, errors, next, await repo.selectTerm(tx, m.term_id), id);
  refuse(errors);
  const { id: _id, tenant_id: _t, created_at: _c, ...changes } = next;
  await repo.updateMembershipRow(tx, id, changes);
  await rosterChanged(tx, c);
  return next;
}

export const listTerms = repo.selectTerms;
export const listParties = repo.selectParties;
export const listPersons = repo.selectPersons;
export const listBodies = repo.selectBodies;
export async function listMemberships(tx: Tx, bodyId: string): Promise<repo.MembershipRow[]> {
  if (!isUuid(bodyId) || !(await repo.selectBody(tx, bodyId))) throw notFound(`council body ${bodyId}`);
  return repo.selectMemberships(tx, bodyId);
}
