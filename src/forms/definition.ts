// SPDX-License-Identifier: EUPL-1.2
// A form definition is data (issue 9 §1): a JSON Schema for the answers, a layout that places the
// schema's fields on pages and sections, attachments with their allowed types and sizes, texts in
// the four languages, and where a submission is filed. checkDefinition() is the one check a
// definition passes before it is stored: the schema compiles, the layout names only fields the
// schema has, every text is in nb, nn, sv and en. It reports every failing field, not the first.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { languages, type Language } from '../common/languages.ts';
import type { FieldError } from '../platform/http/problem.ts';

export type Texts = Record<Language, string>;

export interface LayoutField {
  /** A property of the answers' schema; in a repeating group, a property of its items. */
  field: string;
  label: Texts;
  help?: Texts | undefined;
  /** Show the field only when another answer has this value (conditional field). */
  showIf?: { field: string; equals: unknown } | undefined;
  /** How the web shows it: text (default), textarea, map (lat/lon), choice … */
  widget?: string | undefined;
  /** A repeating group (the field is an array of objects): the fields of each item. */
  items?: LayoutField[] | undefined;
  /**
   * The label of each value of a choice (the schema's `enum`, or its items' for several choices),
   * in every language: the form, the PDFs and the case title show these, never the raw value.
   */
  options?: Record<string, Texts> | undefined;
}

export interface LayoutSection {
  title: Texts;
  help?: Texts | undefined;
  fields: LayoutField[];
}

export interface LayoutPage {
  title: Texts;
  sections: LayoutSection[];
}

export interface AttachmentRule {
  /** The multipart field name the files come in. */
  field: string;
  label: Texts;
  help?: Texts | undefined;
  /** MIME types allowed, checked against the type detected from the content. */
  types: string[];
  maxBytes: number;
  maxFiles: number;
  required: boolean;
}

export const loginLevels = ['none', 'substantial', 'high'] as const;
export const submitters = ['person', 'organisation', 'person-or-organisation'] as const;
export const audiences = ['public', 'employees'] as const;

export interface FormDefinition {
  key: string;
  title: Texts;
  /** Plain language: what the service is, who it is for. */
  description: Texts;
  /** The citizen's rights: what to expect, how to complain. */
  rights: Texts;
  schema: Record<string, unknown>;
  layout: { pages: LayoutPage[] };
  attachments: AttachmentRule[];
  loginLevel: (typeof loginLevels)[number];
  submitter: (typeof submitters)[number];
  /** 'employees': an internal form (deviation report, survey) only staff may submit. */
  audience: (typeof audiences)[number];
  caseType: string;
  /** The case file's title; `{field}` is replaced by that answer. */
  caseTitle: Texts;
  classId?: string | undefined;
  unitId?: string | undefined;
  processingDays: number;
}

/** The largest attachment a form may allow; uploads beyond the installation's own limit fail anyway. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
export const attachmentTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'text/plain', 'application/vnd.oasis.opendocument.text', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];

function makeAjv() {
  const ajv = new Ajv.default({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
  addFormats.default(ajv);
  return ajv;
}
const compiler = makeAjv();
const compiled = new WeakMap<object, ValidateFunction>();

/** The answers' validator of a stored definition (compiled once per definition object). */
export function answersValidator(definition: FormDefinition): ValidateFunction {
  let validate = compiled.get(definition.schema);
  if (!validate) {
    validate = compiler.compile({ ...definition.schema, $id: undefined });
    compiled.set(definition.schema, validate);
  }
  return validate;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkTexts(value: unknown, field: string, errors: FieldError[], optional = false): void {
  if (value === undefined && optional) return;
  if (!isObject(value)) {
    errors.push({ field, code: 'required', message: 'give the text in nb, nn, sv and en' });
    return;
  }
  for (const language of languages)
    if (typeof value[language] !== 'string' || !(value[language] as string).trim()) errors.push({ field: `${field}.${language}`, code: 'required', message: `the text in ${language} is missing` });
  for (const key of Object.keys(value)) if (!(languages as readonly string[]).includes(key)) errors.push({ field: `${field}.${key}`, code: 'unknownField', message: 'texts are in nb, nn, sv and en only' });
}

/** The schema of a property of an object schema, or undefined. */
const propertyOf = (schema: unknown, name: string): Record<string, unknown> | undefined => {
  if (!isObject(schema) || !isObject(schema.properties)) return undefined;
  const p = schema.properties[name];
  return isObject(p) ? p : undefined;
};

/** The values a field chooses from: its `enum`, or its items' `enum` (several choices); else none. */
export function choicesOf(property: Record<string, unknown> | undefined): unknown[] | undefined {
  if (!property) return undefined;
  if (Array.isArray(property.enum)) return property.enum;
  const items = property.type === 'array' && isObject(property.items) ? property.items : undefined;
  return items && Array.isArray(items.enum) ? items.enum : undefined;
}

/** Options label exactly the field's choices: each one, in every language, and nothing else. */
function checkOptions(options: unknown, property: Record<string, unknown> | undefined, at: string, errors: FieldError[]): void {
  const choices = choicesOf(property);
  if (!isObject(options)) return void errors.push({ field: at, code: 'wrongType', message: 'an object: each value of the choice and its label in nb, nn, sv and en' });
  if (!choices) return void errors.push({ field: at, code: 'notAllowed', message: 'labels of options need a field with an "enum" (or array items with one)' });
  const values = choices.map(String);
  for (const value of values) if (!(value in options)) errors.push({ field: `${at}.${value}`, code: 'required', message: `the choice "${value}" has no label` });
  for (const [key, texts] of Object.entries(options)) {
    if (!values.includes(key)) errors.push({ field: `${at}.${key}`, code: 'notFound', message: `"${key}" is not one of the choices: ${values.join(', ')}` });
    else checkTexts(texts, `${at}.${key}`, errors);
  }
}

/** What an answer reads as: the option's label for a choice, the value itself otherwise. */
export function optionLabel(field: Pick<LayoutField, 'options'> | undefined, value: unknown, language: Language): string | undefined {
  const texts = field?.options?.[String(value)];
  return texts ? texts[language] : undefined;
}

/** The layout field of a top-level answer, wherever it is placed. */
export function layoutFieldOf(definition: FormDefinition, name: string): LayoutField | undefined {
  for (const page of definition.layout.pages) for (const section of page.sections) for (const f of section.fields) if (f.field === name) return f;
  return undefined;
}

function checkFields(fields: unknown, objectSchema: unknown, path: string, errors: FieldError[], seen: Set<string>): void {
  if (!Array.isArray(fields) || !fields.length) {
    errors.push({ field: path, code: 'tooFew', message: 'a section needs at least one field' });
    return;
  }
  fields.forEach((f, i) => {
    const at = `${path}.${i}`;
    if (!isObject(f)) return void errors.push({ field: at, code: 'wrongType', message: 'must be an object' });
    const name = typeof f.field === 'string' ? f.field : '';
    const property = propertyOf(objectSchema, name);
    if (!property) errors.push({ field: `${at}.field`, code: 'notFound', message: `the answers' schema has no field "${name}"` });
    else if (seen.has(`${path.split('.items')[0]}:${name}`) && !path.includes('.items')) errors.push({ field: `${at}.field`, code: 'duplicate', message: `"${name}" is placed twice` });
    seen.add(`${path.split('.items')[0]}:${name}`);
    checkTexts(f.label, `${at}.label`, errors);
    checkTexts(f.help, `${at}.help`, errors, true);
    if (f.showIf !== undefined) {
      const other = isObject(f.showIf) && typeof f.showIf.field === 'string' ? f.showIf.field : '';
      if (!propertyOf(objectSchema, other) || other === name) errors.push({ field: `${at}.showIf.field`, code: 'notFound', message: `the condition names no other field of the schema ("${other}")` });
    }
    if (f.options !== undefined && property) checkOptions(f.options, property, `${at}.options`, errors);
    if (f.items !== undefined) {
      const itemSchema = property && property.type === 'array' ? property.items : undefined;
      if (!isObject(itemSchema)) errors.push({ field: `${at}.items`, code: 'notAllowed', message: 'a repeating group needs an array of objects in the schema' });
      else checkFields(f.items, itemSchema, `${at}.items`, errors, new Set());
    }
  });
}

/** Every reason the definition cannot be stored, as field errors under `prefix`. */
export function checkDefinition(input: unknown, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const p = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (!isObject(input)) return [{ field: prefix || 'body', code: 'wrongType', message: 'must be an object' }];
  const d = input;
  if (typeof d.key !== 'string' || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(d.key)) errors.push({ field: p('key'), code: 'pattern', message: 'lower-case letters, digits and hyphens, 2–63 characters (it is part of the address)' });
  for (const name of ['title', 'description', 'rights', 'caseTitle'] as const) checkTexts(d[name], p(name), errors);
  // The schema must compile, and describe an object of answers.
  let schemaOk = false;
  if (!isObject(d.schema) || d.schema.type !== 'object' || !isObject(d.schema.properties)) errors.push({ field: p('schema'), code: 'invalid', message: 'must be a JSON Schema of type "object" with properties' });
  else {
    try {
      makeAjv().compile(d.schema);
      schemaOk = true;
    } catch (error) {
      errors.push({ field: p('schema'), code: 'invalid', message: `the JSON Schema does not compile: ${(error as Error).message.slice(0, 300)}` });
    }
  }
  const layout = d.layout;
  if (!isObject(layout) || !Array.isArray(layout.pages) || !layout.pages.length) errors.push({ field: p('layout.pages'), code: 'tooFew', message: 'a form needs at least one page' });
  else {
    const seen = new Set<string>();
    layout.pages.forEach((page, i) => {
      const at = p(`layout.pages.${i}`);
      if (!isObject(page)) return void errors.push({ field: at, code: 'wrongType', message: 'must be an object' });
      checkTexts(page.title, `${at}.title`, errors);
      if (!Array.isArray(page.sections) || !page.sections.length) return void errors.push({ field: `${at}.sections`, code: 'tooFew', message: 'a page needs at least one section' });
      page.sections.forEach((section, j) => {
        const s = `${at}.sections.${j}`;
        if (!isObject(section)) return void errors.push({ field: s, code: 'wrongType', message: 'must be an object' });
        checkTexts(section.title, `${s}.title`, errors);
        checkTexts(section.help, `${s}.help`, errors, true);
        if (schemaOk) checkFields(section.fields, d.schema, `${s}.fields`, errors, seen);
      });
    });
  }
  if (!Array.isArray(d.attachments)) errors.push({ field: p('attachments'), code: 'wrongType', message: 'must be a list (empty when the form takes no files)' });
  else {
    const names = new Set<string>();
    d.attachments.forEach((a, i) => {
      const at = p(`attachments.${i}`);
      if (!isObject(a)) return void errors.push({ field: at, code: 'wrongType', message: 'must be an object' });
      if (typeof a.field !== 'string' || !/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/.test(a.field)) errors.push({ field: `${at}.field`, code: 'pattern', message: 'a name of letters, digits and _' });
      else if (names.has(a.field) || a.field === 'submission' || propertyOf(d.schema, a.field)) errors.push({ field: `${at}.field`, code: 'duplicate', message: 'the name is taken by another attachment, an answer or "submission"' });
      else names.add(a.field);
      checkTexts(a.label, `${at}.label`, errors);
      checkTexts(a.help, `${at}.help`, errors, true);
      if (!Array.isArray(a.types) || !a.types.length) errors.push({ field: `${at}.types`, code: 'tooFew', message: 'name the allowed types' });
      else a.types.forEach((t, k) => {
        if (!attachmentTypes.includes(String(t))) errors.push({ field: `${at}.types.${k}`, code: 'notAllowed', message: `must be one of: ${attachmentTypes.join(', ')}` });
      });
      if (!Number.isInteger(a.maxBytes) || (a.maxBytes as number) < 1 || (a.maxBytes as number) > MAX_ATTACHMENT_BYTES) errors.push({ field: `${at}.maxBytes`, code: 'outOfRange', message: `from 1 to ${MAX_ATTACHMENT_BYTES} bytes` });
      if (!Number.isInteger(a.maxFiles) || (a.maxFiles as number) < 1 || (a.maxFiles as number) > 20) errors.push({ field: `${at}.maxFiles`, code: 'outOfRange', message: 'from 1 to 20 files' });
      if (typeof a.required !== 'boolean') errors.push({ field: `${at}.required`, code: 'wrongType', message: 'true or false' });
    });
  }
  const oneOf = (name: string, allowed: readonly string[]) => {
    if (!allowed.includes(d[name] as string)) errors.push({ field: p(name), code: 'notAllowed', message: `must be one of: ${allowed.join(', ')}` });
  };
  oneOf('loginLevel', loginLevels);
  oneOf('submitter', submitters);
  oneOf('audience', audiences);
  if (typeof d.caseType !== 'string' || !d.caseType.trim() || d.caseType.length > 100) errors.push({ field: p('caseType'), code: 'required', message: 'name the case type (1–100 characters)' });
  if (!Number.isInteger(d.processingDays) || (d.processingDays as number) < 1 || (d.processingDays as number) > 3650) errors.push({ field: p('processingDays'), code: 'outOfRange', message: 'from 1 to 3650 days' });
  const known = new Set(['key', 'title', 'description', 'rights', 'caseTitle', 'schema', 'layout', 'attachments', 'loginLevel', 'submitter', 'audience', 'caseType', 'classId', 'unitId', 'processingDays']);
  for (const key of Object.keys(d)) if (!known.has(key)) errors.push({ field: p(key), code: 'unknownField', message: `unknown field "${key}": remove it` });
  return errors;
}

/** The case title with `{field}` replaced by that (text or number) answer. */
export function caseTitleOf(definition: FormDefinition, language: Language, answers: Record<string, unknown>): string {
  const title = definition.caseTitle[language].replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = answers[name];
    return typeof v === 'string' || typeof v === 'number' ? (optionLabel(layoutFieldOf(definition, name), v, language) ?? String(v)) : '';
  });
  return title.replace(/\s+/g, ' ').trim().slice(0, 1000) || definition.title[language];
}
