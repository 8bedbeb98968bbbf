// SPDX-License-Identifier: EUPL-1.2
// Which published forms are Open311 services, and their service definitions. A form is offered as
// a service when it is for the public and places a map position (a `map` field whose schema is an
// object with lat and lon): a report of a problem somewhere. Its other answers become the
// definition's attributes, typed by the form's own JSON Schema; answers that Open311 cannot carry
// (objects, repeating groups) make the form unfit unless they are optional (then they are left out).
import type { Language } from '../common/languages.ts';
import type { FormDefinition, LayoutField } from '../forms/service.ts';

export interface PublishedForm {
  formId: string;
  key: string;
  definition: FormDefinition;
}

export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Attribute {
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface Service {
  form: PublishedForm;
  /** The answer that holds the position {lat, lon}. */
  positionField: string;
  positionRequired: boolean;
  /** The answer the report's `description` fills: the first free-text field, if any. */
  descriptionField: string | undefined;
  /** The answer `address_string` fills, where the form has a text answer named `address`. */
  addressField: string | undefined;
  attributes: Attribute[];
}

type Schema = { type?: string | string[]; enum?: unknown[]; format?: string; maxLength?: number; items?: Schema; properties?: Record<string, Schema>; required?: string[] };

const isPosition = (s: Schema | undefined): boolean => s?.type === 'object' && !!s.properties?.lat && !!s.properties.lon;

function layoutFields(d: FormDefinition): LayoutField[] {
  return d.layout.pages.flatMap((p) => p.sections.flatMap((s) => s.fields));
}

function datatypeOf(s: Schema, widget: string | undefined): Pick<Attribute, 'datatype' | 'values' | 'datatype_description'> | undefined {
  if (s.type === 'string' && s.enum) return { datatype: 'singlevaluelist', values: s.enum.map((v) => ({ key: String(v), name: String(v) })), datatype_description: null };
  if (s.type === 'boolean') return { datatype: 'singlevaluelist', values: [{ key: 'true', name: 'true' }, { key: 'false', name: 'false' }], datatype_description: null };
  if (s.type === 'array' && s.items?.type === 'string' && s.items.enum) return { datatype: 'multivaluelist', values: s.items.enum.map((v) => ({ key: String(v), name: String(v) })), datatype_description: null };
  if (s.type === 'string' && (s.format === 'date-time' || s.format === 'date')) return { datatype: 'datetime', datatype_description: s.format === 'date' ? 'YYYY-MM-DD' : 'ISO 8601 with zone' };
  if (s.type === 'string') return { datatype: widget === 'textarea' || (s.maxLength ?? 0) > 200 ? 'text' : 'string', datatype_description: s.maxLength ? `at most ${s.maxLength} characters` : null };
  if (s.type === 'number' || s.type === 'integer') return { datatype: 'number', datatype_description: s.type === 'integer' ? 'a whole number' : 'a number' };
  return undefined;
}

/** The form as an Open311 service, or undefined when it is not one. */
export function serviceOf(form: PublishedForm, language: Language): Service | undefined {
  const d = form.definition;
  if (d.audience !== 'public') return undefined;
  const schema = d.schema as Schema;
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = layoutFields(d);
  const position = fields.find((f) => f.widget === 'map' && isPosition(properties[f.field]));
  if (!position) return undefined;
  const description = fields.find((f) => f.widget === 'textarea' && properties[f.field]?.type === 'string');
  const address = properties.address?.type === 'string' && !properties.address.enum ? 'address' : undefined;
  const attributes: Attribute[] = [];
  for (const f of fields) {
    if (f.field === position.field || f.field === description?.field || f.field === address) continue;
    const type = properties[f.field] && !f.items ? datatypeOf(properties[f.field]!, f.widget) : undefined;
    if (!type) {
      if (required.has(f.field)) return undefined;
      continue;
    }
    attributes.push({ variable: true, code: f.field, ...type, required: required.has(f.field), order: attributes.length + 1, description: f.label[language] });
  }
  return { form, positionField: position.field, positionRequired: required.has(position.field), descriptionField: description?.field, addressField: address, attributes };
}

export function servicesOf(forms: readonly PublishedForm[], language: Language): Service[] {
  return forms.flatMap((f) => serviceOf(f, language) ?? []);
}

/** GET services: the list entry of one service. */
export function serviceListEntry(s: Service, language: Language) {
  const d = s.form.definition;
  return {
    service_code: s.form.key, service_name: d.title[language], description: d.description[language],
    metadata: s.attributes.length > 0, type: 'realtime' as const, keywords: d.caseType, group: d.caseType,
  };
}

/** GET services/{code}: the service definition. */
export function serviceDefinition(s: Service) {
  return { service_code: s.form.key, attributes: s.attributes };
}
