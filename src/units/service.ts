// SPDX-License-Identifier: EUPL-1.2
// Administrative units (administrativ enhet): a municipality's offices and departments, in a tree.
// A unit is closed, never deleted: case files keep referring to the units they had.
import type { Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { writeEvent } from '../platform/outbox.ts';
import { findStaff } from '../identity/service.ts';
import { deleteMember, insertMember, insertUnit, selectMembers, selectUnit, selectUnitByCode, selectUnits, updateUnitRow, type MemberRow, type UnitsTable } from './repository.ts';

export interface Unit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  hiddenFromPublic: boolean;
  createdAt: Date;
  closedAt: Date | null;
}

export interface NewUnit {
  code: string;
  name: string;
  parentId?: string | null | undefined;
  hiddenFromPublic?: boolean | undefined;
}

export type UnitPatch = Partial<NewUnit> & { closed?: boolean | undefined };

const CODE = /^[A-Za-z0-9ÆØÅæøåÄÖäö._-]{1,20}$/;

const toUnit = (row: UnitsTable): Unit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  parentId: row.parent_id,
  hiddenFromPublic: row.hidden_from_public,
  createdAt: row.created_at,
  closedAt: row.closed_at,
});

export async function listUnits(tx: Tx, options: { includeClosed?: boolean } = {}): Promise<Unit[]> {
  return (await selectUnits(tx, { includeClosed: options.includeClosed ?? false })).map(toUnit);
}

/** A unit of this municipality (row-level security hides the others), or undefined. */
export async function findUnit(tx: Tx, id: string): Promise<Unit | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await selectUnit(tx, id);
  return row && toUnit(row);
}

async function checkFields(tx: Tx, input: Partial<NewUnit>, self: string | undefined): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.code !== undefined) {
    if (!CODE.test(input.code.trim())) errors.push({ field: 'code', code: 'pattern', message: 'must be 1–20 letters, digits, ".", "_" or "-", e.g. PLAN or HO-BYGG' });
    else {
      const same = await selectUnitByCode(tx, input.code.trim());
      if (same && same.id !== self) errors.push({ field: 'code', code: 'taken', message: `is the code of "${same.name}" already` });
    }
  }
  if (input.name !== undefined && (!input.name.trim() || input.name.trim().length > 200)) errors.push({ field: 'name', code: input.name.trim() ? 'tooLong' : 'required', message: 'must be 1–200 characters' });
  if (input.parentId) {
    const parent = isUuid(input.parentId) ? await selectUnit(tx, input.parentId) : undefined;
    if (!parent) errors.push({ field: 'parentId', code: 'notFound', message: 'no such unit in this municipality (GET …/units lists them)' });
    else if (parent.closed_at) errors.push({ field: 'parentId', code: 'notOpen', message: `"${parent.name}" is closed` });
    else if (self) {
      // Walk up from the new parent: meeting this unit would make the tree a loop.
      let at: UnitsTable | undefined = parent;
      for (let depth = 0; at && depth < 100; depth++) {
        if (at.id === self) {
          errors.push({ field: 'parentId', code: 'refersToItself', message: 'a unit cannot be placed under itself or one of its own sub-units' });
          break;
        }
        at = at.parent_id ? await selectUnit(tx, at.parent_id) : undefined;
      }
    }
  }
  return errors;
}

export async function createUnit(tx: Tx, tenantId: string, input: NewUnit, by: string, at: Date): Promise<Unit> {
  const errors = await checkFields(tx, input, undefined);
  if (errors.length) throw invalid(errors);
  const row: UnitsTable = {
    id: newId(),
    tenant_id: tenantId,
    code: input.code.trim(),
    name: input.name.trim(),
    parent_id: input.parentId ?? null,
    hidden_from_public: input.hiddenFromPublic ?? false,
    created_at: at,
    created_by: by,
    closed_at: null,
  };
  await insertUnit(tx, row);
  return toUnit(row);
}

/** Changes a unit; `closed: true` closes it (it stays in the records), `closed: false` reopens it. */
export async function updateUnit(tx: Tx, id: string, patch: UnitPatch, at: Date): Promise<Unit> {
  const before = isUuid(id) ? await selectUnit(tx, id, { forUpdate: true }) : undefined;
  if (!before) throw notFound(`unit ${id}`);
  const errors = await checkFields(tx, patch, id);
  if (errors.length) throw invalid(errors);
  if (patch.closed === true && !before.closed_at) {
    const open = (await selectUnits(tx, { includeClosed: false })).filter((u) => u.parent_id === id);
    if (open.length) throw conflict(`close or move its open sub-units first: ${open.map((u) => u.code).join(', ')}`, [{ field: 'closed', code: 'hasOpenChildren', message: 'the unit has open sub-units' }]);
  }
  const values = {
    ...(patch.code !== undefined ? { code: patch.code.trim() } : {}),
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
    ...(patch.hiddenFromPublic !== undefined ? { hidden_from_public: patch.hiddenFromPublic } : {}),
    ...(patch.closed !== undefined ? { closed_at: patch.closed ? (before.closed_at ?? at) : null } : {}),
  };
  if (Object.keys(values).length) await updateUnitRow(tx, id, values);
  const after = { ...before, ...values };
  // What the public sees of the unit (its name, or that it is hidden) changed: the journal projection
  // rewrites the public rows of its cases. The event names the unit only; the consumer reads the rest.
  if (after.name !== before.name || after.hidden_from_public !== before.hidden_from_public)
    await writeEvent(tx, { tenantId: before.tenant_id, type: 'unit.updated', aggregateType: 'unit', aggregateId: id, payload: {}, at });
  return toUnit(after);
}

export interface UnitMember {
  unitId: string;
  userId: string;
  name: string;
  createdAt: Date;
  createdBy: string;
}

const toMember = (row: MemberRow): UnitMember => ({ unitId: row.unit_id, userId: row.user_id, name: row.name, createdAt: row.created_at, createdBy: row.created_by });

const unknownUnit: FieldError = { field: 'unitId', code: 'notFound', message: 'no such unit in this municipality (GET …/units lists them)' };
const notStaff: FieldError = { field: 'userId', code: 'notStaff', message: 'nobody with a staff role in this municipality has this id (GET …/users lists them)' };

/** Who belongs to which unit: all memberships of the municipality, or of one unit or one person. */
export async function listUnitMembers(tx: Tx, tenantId: string, filter: { unitId?: string | undefined; userId?: string | undefined } = {}): Promise<UnitMember[]> {
  const errors: FieldError[] = [];
  if (filter.unitId !== undefined && !isUuid(filter.unitId)) errors.push({ field: 'unitId', code: 'invalidId', message: 'must be a unit id (a UUID)' });
  if (filter.userId !== undefined && !isUuid(filter.userId)) errors.push({ field: 'userId', code: 'invalidId', message: 'must be a user id (a UUID)' });
  if (errors.length) throw invalid(errors);
  // An id that means nothing here is refused, as a filter must not quietly answer "nobody".
  const rows = await selectMembers(tx, filter);
  if (filter.unitId !== undefined && !(await selectUnit(tx, filter.unitId))) errors.push(unknownUnit);
  if (filter.userId !== undefined && !rows.length && !(await findStaff(tx, tenantId, filter.userId))) errors.push(notStaff);
  if (errors.length) throw invalid(errors);
  return rows.map(toMember);
}

/** The open units a person belongs to, by code: what "my unit's cases" means for them. */
export async function unitsOfMember(tx: Tx, userId: string): Promise<Unit[]> {
  if (!isUuid(userId)) return [];
  const mine = new Set((await selectMembers(tx, { userId })).map((m) => m.unit_id));
  return (await selectUnits(tx, { includeClosed: false })).filter((u) => mine.has(u.id)).map(toUnit);
}


/** Adds a staff member to an open unit of this municipality; adding again changes nothing. */
export async function addUnitMember(tx: Tx, tenantId: string, input: { unitId: string; userId: string }, by: string, at: Date): Promise<{ status: 'added' | 'already'; member: UnitMember }> {
  const errors: FieldError[] = [];
  const unit = isUuid(input.unitId) ? await selectUnit(tx, input.unitId) : undefined;
  if (!unit) errors.push(unknownUnit);
  else if (unit.closed_at) errors.push({ field: 'unitId', code: 'notOpen', message: `the unit "${unit.name}" is closed` });
  const person = await findStaff(tx, tenantId, input.userId);
  if (!person) errors.push(notStaff);
  if (errors.length || !unit || !person) throw invalid(errors);
  const added = await insertMember(tx, { tenant_id: tenantId, unit_id: unit.id, user_id: person.id, created_at: at, created_by: by });
  const member = (await selectMembers(tx, { unitId: unit.id, userId: person.id }))[0]!;
  return { status: added ? 'added' : 'already', member: toMember(member) };
}

/**
 * Takes a person out of a unit (also a closed one, and also someone who has since lost their roles).
 * Someone who is not a member is answered "not-a-member" when they are staff here, else refused.
 */
export async function removeUnitMember(tx: Tx, tenantId: string, input: { unitId: string; userId: string }): Promise<{ status: 'removed' | 'not-a-member' }> {
  const unit = isUuid(input.unitId) ? await selectUnit(tx, input.unitId) : undefined;
  if (!unit) throw invalid([unknownUnit, ...((await findStaff(tx, tenantId, input.userId)) ? [] : [notStaff])]);
  if (!isUuid(input.userId)) throw invalid([notStaff]);
  if (await deleteMember(tx, unit.id, input.userId)) return { status: 'removed' };
  if (!(await findStaff(tx, tenantId, input.userId))) throw invalid([notStaff]);
  return { status: 'not-a-member' };
}
