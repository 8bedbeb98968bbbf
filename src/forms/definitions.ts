// SPDX-License-Identifier: EUPL-1.2
// Use cases of form definitions: create, save a new version, publish, adopt another
// municipality's published form; and reading them (staff see every version, the public only the
// published one). Each check happens before anything is written, so a refused request writes nothing.
import type { Tx } from '../platform/db/transaction.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { writeEvent } from '../platform/outbox.ts';
import { listClasses } from '../archive/service.ts';
import { findUnit } from '../units/service.ts';
import { checkDefinition, type FormDefinition } from './definition.ts';
import { deletePublicForm, insertForm, insertVersion, selectForm, selectFormByKey, selectVersion, updateForm, upsertPublicForm, type FormRow, type PublicFormRow } from './repository.ts';

export interface FormCtx {
  tenantId: string;
  actor: string;
  at: Date;
}

export interface FormView {
  form: FormRow;
  version: number;
  definition: FormDefinition;
}

/** The definition's class and unit must be this municipality's (a class without sub-classes, an open unit). */
async function checkReferences(tx: Tx, d: FormDefinition, prefix: string): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (d.classId !== undefined) {
    const classes = isUuid(String(d.classId)) ? await listClasses(tx) : [];
    const found = classes.find((c: { id: string }) => c.id === d.classId);
    if (!found) errors.push({ field: `${prefix}classId`, code: 'notFound', message: 'no such class in this municipality' });
  }
  if (d.unitId !== undefined) {
    const unit = isUuid(String(d.unitId)) ? await findUnit(tx, String(d.unitId)) : undefined;
    if (!unit || unit.closedAt) errors.push({ field: `${prefix}unitId`, code: 'notFound', message: 'no open unit with this id in this municipality' });
  }
  return errors;
}

async function validDefinition(tx: Tx, input: unknown): Promise<FormDefinition> {
  const errors = checkDefinition(input, 'definition');
  if (errors.length) throw invalid(errors);
  const d = input as FormDefinition;
  const refs = await checkReferences(tx, d, 'definition.');
  if (refs.length) throw invalid(refs);
  return d;
}

export async function createFormDefinition(tx: Tx, c: FormCtx, input: unknown, adoptedFrom: string | null = null): Promise<FormView> {
  const definition = await validDefinition(tx, input);
  if (await selectFormByKey(tx, definition.key)) throw conflict(`this municipality has a form "${definition.key}" already: save a new version of it`);
  const form: FormRow = { id: newId(), tenant_id: c.tenantId, key: definition.key, current_version: 1, published_version: null, adopted_from: adoptedFrom, created_at: c.at, updated_at: c.at };
  await insertForm(tx, form);
  await insertVersion(tx, c.tenantId, { form_id: form.id, version: 1, definition, created_at: c.at, created_by: c.actor });
  await writeEvent(tx, { tenantId: c.tenantId, type: 'form.created', aggregateType: 'form', aggregateId: form.id, payload: { version: 1, adoptedFrom }, at: c.at });
  return { form, version: 1, definition };
}

/** A new version; the earlier ones stay as they were (submissions made with them keep them). */
export async function updateFormDefinition(tx: Tx, c: FormCtx, formId: string, input: unknown): Promise<FormView> {
  const form = isUuid(formId) ? await selectForm(tx, formId, { forUpdate: true }) : undefined;
  if (!form) throw notFound(`form ${formId}`);
  const definition = await validDefinition(tx, input);
  if (definition.key !== form.key) throw invalid([{ field: 'definition.key', code: 'notAllowed', message: `the key of a form does not change (it is "${form.key}")` }]);
  const version = form.current_version + 1;
  await insertVersion(tx, c.tenantId, { form_id: form.id, version, definition, created_at: c.at, created_by: c.actor });
  await updateForm(tx, form.id, { current_version: version, updated_at: c.at });
  await writeEvent(tx, { tenantId: c.tenantId, type: 'form.changed', aggregateType: 'form', aggregateId: form.id, payload: { version }, at: c.at });
  return { form: { ...form, current_version: version, updated_at: c.at }, version, definition };
}

/** Publishes the newest version (or withdraws the form): the catalogue shows what is published. */
export async function publishFormDefinition(tx: Tx, c: FormCtx, formId: string, published: boolean): Promise<FormView> {
  const form = isUuid(formId) ? await selectForm(tx, formId, { forUpdate: true }) : undefined;
  if (!form) throw notFound(`form ${formId}`);
  const current = (await selectVersion(tx, form.id, form.current_version))!;
  if (published) await upsertPublicForm(tx, { form_id: form.id, tenant_id: c.tenantId, key: form.key, version: current.version, definition: current.definition, published_at: c.at });
  else await deletePublicForm(tx, form.id);
  const publishedVersion = published ? current.version : null;
  await updateForm(tx, form.id, { published_version: publishedVersion, updated_at: c.at });
  await writeEvent(tx, { tenantId: c.tenantId, type: published ? 'form.published' : 'form.withdrawn', aggregateType: 'form', aggregateId: form.id, payload: { version: current.version }, at: c.at });
  return { form: { ...form, published_version: publishedVersion, updated_at: c.at }, version: current.version, definition: current.definition };
}

/**
 * Adopts another municipality's published form (read from the public catalogue, so nothing
 * unpublished crosses): a copy of its definition becomes this municipality's version 1, filed in
 * this municipality's own class and unit (the source's are the source's), unpublished until checked.
 */
export async function adoptFormDefinition(tx: Tx, c: FormCtx, source: PublicFormRow | undefined, sourceId: string, own: { classId?: string | undefined; unitId?: string | undefined }): Promise<FormView> {
  if (source?.tenant_id === c.tenantId || (!source && isUuid(sourceId) && (await selectForm(tx, sourceId)))) throw conflict('this form is this municipality’s own already');
  if (!source) throw notFound(`published form ${sourceId}`);
  const { classId: _c, unitId: _u, ...rest } = source.definition;
  const definition: FormDefinition = { ...rest, ...(own.classId ? { classId: own.classId } : {}), ...(own.unitId ? { unitId: own.unitId } : {}) };
  return createFormDefinition(tx, c, definition, source.form_id);
}

/** A form of this municipality at a version (its newest when not given). */
export async function readFormDefinition(tx: Tx, formId: string, version?: number): Promise<FormView | undefined> {
  const form = isUuid(formId) ? await selectForm(tx, formId) : undefined;
  if (!form) return undefined;
  const row = await selectVersion(tx, form.id, version ?? form.current_version);
  return row && { form, version: row.version, definition: row.definition };
}
