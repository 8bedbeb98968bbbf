// SPDX-License-Identifier: EUPL-1.2
// The responsible unit and officer of a case file or registry entry, by id: checked against this
// municipality's units and staff (through their modules' services), and the name at the time kept
// in the text column beside the id, as Noark records it.
import type { Tx } from '../platform/db/transaction.ts';
import type { FieldError } from '../platform/http/problem.ts';
import { findUnit } from '../units/service.ts';
import { findOfficer } from '../identity/service.ts';

export interface ResponsibleInput {
  responsibleUnitId?: string | null | undefined;
  responsibleOfficerId?: string | null | undefined;
  responsibleUnit?: string | undefined;
  responsibleOfficer?: string | undefined;
}

/** Column values to write; a key is absent when the input leaves that column as it is. */
export interface ResponsibleColumns {
  responsible_unit_id?: string | null;
  responsible_unit?: string | null;
  responsible_officer_id?: string | null;
  responsible_officer?: string | null;
}

/**
 * Resolves ids to names: an id wins over a free-text name; a free-text name alone clears the id
 * (it no longer names a known unit or person); null clears both.
 */
export async function resolveResponsible(tx: Tx, tenantId: string, input: ResponsibleInput): Promise<{ errors: FieldError[]; columns: ResponsibleColumns }> {
  const errors: FieldError[] = [];
  const columns: ResponsibleColumns = {};
  if (input.responsibleUnitId === null) Object.assign(columns, { responsible_unit_id: null, responsible_unit: null });
  else if (input.responsibleUnitId !== undefined) {
    const unit = await findUnit(tx, input.responsibleUnitId);
    if (!unit) errors.push({ field: 'responsibleUnitId', code: 'notFound', message: 'no such unit in this municipality (GET …/units lists them)' });
    else if (unit.closedAt) errors.push({ field: 'responsibleUnitId', code: 'notOpen', message: `the unit "${unit.name}" is closed` });
    else Object.assign(columns, { responsible_unit_id: unit.id, responsible_unit: unit.name });
  } else if (input.responsibleUnit !== undefined) Object.assign(columns, { responsible_unit_id: null, responsible_unit: input.responsibleUnit.trim() || null });

  if (input.responsibleOfficerId === null) Object.assign(columns, { responsible_officer_id: null, responsible_officer: null });
  else if (input.responsibleOfficerId !== undefined) {
    const officer = await findOfficer(tx, tenantId, input.responsibleOfficerId);
    if (!officer) errors.push({ field: 'responsibleOfficerId', code: 'notFound', message: 'not a case officer or archivist of this municipality (GET …/officers lists them)' });
    else Object.assign(columns, { responsible_officer_id: officer.id, responsible_officer: officer.name });
  } else if (input.responsibleOfficer !== undefined) Object.assign(columns, { responsible_officer_id: null, responsible_officer: input.responsibleOfficer.trim() || null });
  return { errors, columns };
}
