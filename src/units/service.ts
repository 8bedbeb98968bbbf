// SPDX-License-Identifier: EUPL-1.2
// Administrative units (administrativ enhet): a municipality's offices and departments, in a tree.
// A unit is closed, never deleted: case files keep referring to the units they had.
import type { Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { insertUnit, selectUnit, selectUnitByCode, selectUnits, updateUnitRow, type UnitsTable } from './repository.ts';

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
  return toUnit({ ...before, ...values });
}
