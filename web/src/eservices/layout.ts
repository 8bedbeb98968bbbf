// SPDX-License-Identifier: EUPL-1.2
// Turns a form definition's layout into what react-jsonschema-form renders: one schema and uiSchema
// per section, holding only the section's fields that are shown (a `showIf` field is left out
// while its condition does not hold, and its answer dropped, so the server never sees a hidden
// answer). Pure functions, tested on their own.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Answers, FormDefinitionView, LayoutField, LayoutSection } from '../api/eservices.ts';
import type { Language } from '../api/types.ts';

export interface FieldTexts { optional: string; mapNote: string; lat: string; lon: string }

const props = (schema: Record<string, unknown>): Record<string, RJSFSchema> => (schema.properties ?? {}) as Record<string, RJSFSchema>;

export const isShown = (field: LayoutField, answers: Answers): boolean =>
  !field.showIf || answers[field.showIf.field] === field.showIf.equals;

function uiFor(field: LayoutField, schema: RJSFSchema, language: Language, texts: FieldTexts): UiSchema {
  const ui: UiSchema = { 'ui:title': field.label[language] };
  const options: Record<string, string> = {};
  if (field.help) options.help = field.help[language];
  if (field.widget === 'textarea') ui['ui:widget'] = 'textarea';
  if (field.widget === 'choice' || field.widget === 'scale') ui['ui:widget'] = 'radio';
  if (field.widget === 'choices') ui['ui:widget'] = 'checkboxes';
  // A choice shows its label in the reader's language, never the stored value; several choices
  // take the labels from the items' uiSchema, where react-jsonschema-form looks for them.
  if (field.options) {
    const enumNames = Object.fromEntries(Object.entries(field.options).map(([value, label]) => [value, label[language]]));
    if (schema.type === 'array') ui.items = { 'ui:enumNames': enumNames };
    else ui['ui:enumNames'] = enumNames;
  }
  if (field.widget === 'map') {
    // A map position is two numbers, with a note on where to find them: no map widget to depend on.
    options.note = texts.mapNote;
    ui.lat = { 'ui:title': texts.lat };
    ui.lon = { 'ui:title': texts.lon };
  }
  if (field.items) {
    const itemProps = props((schema.items ?? {}) as Record<string, unknown>);
    const item: UiSchema = { 'ui:order': field.items.map((f) => f.field) };
    for (const f of field.items) item[f.field] = uiFor(f, itemProps[f.field] ?? {}, language, texts);
    ui.items = item;
  }
  if (schema.type === 'integer' && schema.maximum !== undefined && Number(schema.maximum) - Number(schema.minimum ?? 0) <= 10 && !field.widget) ui['ui:widget'] = 'updown';
  if (Object.keys(options).length) ui['ui:options'] = options;
  return ui;
}

/** The schema and uiSchema of one section, with only the fields shown for these answers. */
export function sectionForm(definition: FormDefinitionView, section: LayoutSection, answers: Answers, language: Language, texts: FieldTexts): { schema: RJSFSchema; uiSchema: UiSchema; fields: string[] } {
  const all = props(definition.schema);
  const required = new Set((definition.schema.required ?? []) as string[]);
  const shown = section.fields.filter((f) => isShown(f, answers) && all[f.field]);
  const properties: Record<string, RJSFSchema> = {};
  const uiSchema: UiSchema = { 'ui:order': shown.map((f) => f.field) };
  for (const f of shown) {
    properties[f.field] = all[f.field]!;
    uiSchema[f.field] = uiFor(f, all[f.field]!, language, texts);
  }
  return { schema: { type: 'object', properties, required: shown.map((f) => f.field).filter((f) => required.has(f)) }, uiSchema, fields: shown.map((f) => f.field) };
}

/** The answers without those of hidden fields: what is saved and submitted. */
export function visibleAnswers(definition: FormDefinitionView, answers: Answers): Answers {
  const hidden = new Set(definition.layout.pages.flatMap((p) => p.sections.flatMap((s) => s.fields.filter((f) => !isShown(f, answers)).map((f) => f.field))));
  return Object.fromEntries(Object.entries(answers).filter(([key, value]) => !hidden.has(key) && value !== undefined));
}

/** Every input's API field and its label, for the error summary (`answers.gnr` → "Gårdsnummer"). */
export function fieldLabels(definition: FormDefinitionView, answers: Answers, language: Language): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const page of definition.layout.pages)
    for (const section of page.sections)
      for (const f of section.fields) {
        labels[`answers.${f.field}`] = f.label[language];
        const list = answers[f.field];
        if (f.items && Array.isArray(list)) list.forEach((_, i) => f.items!.forEach((item) => (labels[`answers.${f.field}.${i}.${item.field}`] = `${f.label[language]} ${i + 1}: ${item.label[language]}`)));
      }
  for (const a of definition.attachments) labels[`attachments.${a.field}`] = a.label[language];
  return labels;
}

/** Which page holds a field: the form opens the page of the first error the server reported. */
export function pageOf(definition: FormDefinitionView, apiField: string): number | undefined {
  const name = apiField.split('.')[1];
  const index = definition.layout.pages.findIndex((p) => p.sections.some((s) => s.fields.some((f) => f.field === name)));
  return index < 0 ? undefined : index;
}

/** A file checked in the browser against its field's rule, before the server checks its content. */
export function fileProblem(rule: { types: string[]; maxBytes: number }, file: { type: string; size: number }): 'notAllowed' | 'tooLarge' | undefined {
  if (!rule.types.includes(file.type)) return 'notAllowed';
  if (file.size > rule.maxBytes) return 'tooLarge';
  return undefined;
}
