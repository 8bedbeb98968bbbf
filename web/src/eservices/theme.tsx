// SPDX-License-Identifier: EUPL-1.2
// react-jsonschema-form themed with Designsystemet: its widgets and templates mapped to our
// Textfield, Select, Radio, Checkbox and Fieldset. Labels come from the form's layout (uiSchema);
// errors come from the server only (the same JSON Schema, checked by ajv there) and are shown
// beside each input in the person's language, matched by the input's id (`field-answers-gnr`,
// the error summary's link target).
import type { ChangeEvent } from 'react';
import { Button, Checkbox, Field, Fieldset, Label, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type {
  ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, BaseInputTemplateProps, FieldTemplateProps, IconButtonProps,
  ObjectFieldTemplateProps, RegistryWidgetsType, TemplatesType, WidgetProps,
} from '@rjsf/utils';
import type { FieldError, Language } from '../api/types.ts';
import { fieldId } from '../forms/fieldErrors.ts';
import { fieldMessage } from '../forms/fieldMessage.ts';

export interface ThemeContext {
  errors: readonly FieldError[];
  language: Language;
  texts: { optional: string; add: string; remove: string; choose: string };
}

const ctx = (registry: { formContext?: unknown }) => registry.formContext as ThemeContext;

/** The server's messages for an input, by its id; a list's own errors too (`answers.wishes`). */
function messagesFor(context: ThemeContext, id: string): string | undefined {
  const own = context.errors.filter((e) => fieldId(e.field) === id);
  return own.length ? [...new Set(own.map((e) => fieldMessage(context.language, e)))].join(' ') : undefined;
}

/** A group's title from the layout (ui:title); the library's own is the property's name. */
const titleOf = (p: { title: string; uiSchema?: { 'ui:title'?: unknown } | undefined }) => (typeof p.uiSchema?.['ui:title'] === 'string' ? p.uiSchema['ui:title'] : p.title);

const labelOf = (p: WidgetProps, context: ThemeContext) => (p.required ? p.label : `${p.label} ${context.texts.optional}`);
const help = (p: WidgetProps) => (typeof p.options.help === 'string' ? p.options.help : undefined);

function BaseInput(p: BaseInputTemplateProps) {
  const context = ctx(p.registry);
  const error = messagesFor(context, p.id);
  const numeric = p.schema.type === 'integer' || p.schema.type === 'number';
  const type = numeric ? 'text' : p.schema.format === 'date' ? 'date' : p.schema.format === 'email' ? 'email' : 'text';
  const description = help(p);
  return (
    <Textfield
      id={p.id}
      label={labelOf(p, context)}
      {...(description ? { description } : {})}
      {...(error ? { error } : {})}
      type={type}
      inputMode={numeric ? 'numeric' : undefined}
      required={p.required}
      value={p.value ?? ''}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        const text = event.target.value;
        // A number field keeps what is typed when it is not a number, so the server names the error.
        if (text === '') p.onChange(undefined);
        else if (numeric && /^-?\d+([.,]\d+)?$/.test(text.trim())) p.onChange(Number(text.trim().replace(',', '.')));
        else p.onChange(text);
      }}
      onBlur={() => p.onBlur(p.id, p.value)}
      onFocus={() => p.onFocus(p.id, p.value)}
    />
  );
}

function TextareaWidget(p: WidgetProps) {
  const context = ctx(p.registry);
  const error = messagesFor(context, p.id);
  const description = help(p);
  return (
    <Textfield
      id={p.id}
      multiline
      rows={4}
      label={labelOf(p, context)}
      {...(description ? { description } : {})}
      {...(error ? { error } : {})}
      value={p.value ?? ''}
      onChange={(event: ChangeEvent<HTMLTextAreaElement>) => p.onChange(event.target.value === '' ? undefined : event.target.value)}
    />
  );
}

function SelectWidget(p: WidgetProps) {
  const context = ctx(p.registry);
  const error = messagesFor(context, p.id);
  const options = p.options.enumOptions ?? [];
  return (
    <Field>
      <Label htmlFor={p.id}>{labelOf(p, context)}</Label>
      {help(p) && <Field.Description>{help(p)}</Field.Description>}
      <Select id={p.id} value={p.value === undefined ? '' : String(p.value)} aria-invalid={error ? true : undefined} onChange={(event) => {
        const chosen = options.find((o) => String(o.value) === event.target.value);
        p.onChange(chosen ? chosen.value : undefined);
      }}>
        <Select.Option value="">{context.texts.choose}</Select.Option>
        {options.map((o) => <Select.Option key={String(o.value)} value={String(o.value)}>{o.label}</Select.Option>)}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

function RadioWidget(p: WidgetProps) {
  const context = ctx(p.registry);
  const error = messagesFor(context, p.id);
  return (
    <Fieldset id={p.id} tabIndex={-1} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{labelOf(p, context)}</Fieldset.Legend>
      {help(p) && <Fieldset.Description>{help(p)}</Fieldset.Description>}
      {(p.options.enumOptions ?? []).map((o, i) => (
        <Radio key={String(o.value)} id={`${p.id}-${i}`} name={p.id} value={String(o.value)} label={o.label} checked={p.value === o.value} onChange={() => p.onChange(o.value)} />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

function CheckboxesWidget(p: WidgetProps) {
  const context = ctx(p.registry);
  const error = messagesFor(context, p.id);
  const chosen: unknown[] = Array.isArray(p.value) ? p.value : [];
  return (
    <Fieldset id={p.id} tabIndex={-1}>
      <Fieldset.Legend>{labelOf(p, context)}</Fieldset.Legend>
      {(p.options.enumOptions ?? []).map((o, i) => (
        <Checkbox key={String(o.value)} id={`${p.id}-${i}`} value={String(o.value)} label={o.label} checked={chosen.includes(o.value)}
          onChange={(event) => p.onChange(event.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))} />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

function CheckboxWidget(p: WidgetProps) {
  const context = ctx(p.registry);
  const error = messagesFor(context, p.id);
  return (
    <Field>
      <Checkbox id={p.id} label={p.label} checked={p.value === true} onChange={(event) => p.onChange(event.target.checked)} {...(help(p) ? { description: help(p) } : {})} />
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

/** Each widget draws its own label and messages; the field template only places it. */
function FieldTemplate(p: FieldTemplateProps) {
  if (p.hidden) return null;
  return <div className="eform-field">{p.children}</div>;
}

/** An object inside a section: a map position or a repeating group's item, as a fieldset. */
function ObjectFieldTemplate(p: ObjectFieldTemplateProps) {
  const content = p.properties.filter((x) => !x.hidden).map((x) => <div key={x.name}>{x.content}</div>);
  // The section's own object needs no box: the page draws the section's fieldset around it.
  if (p.fieldPathId.path.length === 0) return <>{content}</>;
  const note = (p.uiSchema?.['ui:options'] as { note?: string } | undefined)?.note;
  const context = ctx(p.registry);
  const error = messagesFor(context, p.fieldPathId.$id);
  return (
    <Fieldset id={p.fieldPathId.$id} tabIndex={-1} className="eform-group">
      {titleOf(p) && <Fieldset.Legend>{titleOf(p)}</Fieldset.Legend>}
      {note && <Fieldset.Description>{note}</Fieldset.Description>}
      {content}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

/** A repeating group: its items, each with a remove button, and an add button naming the group. */
function ArrayFieldTemplate(p: ArrayFieldTemplateProps) {
  const context = ctx(p.registry);
  const error = messagesFor(context, p.fieldPathId.$id);
  const description = (p.uiSchema?.['ui:options'] as { help?: string } | undefined)?.help;
  return (
    <Fieldset id={p.fieldPathId.$id} tabIndex={-1} className="eform-group">
      <Fieldset.Legend>{p.required ? titleOf(p) : `${titleOf(p)} ${context.texts.optional}`}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {p.items}
      {error && <ValidationMessage>{error}</ValidationMessage>}
      {p.canAdd && (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => p.onAddClick()}>
            {context.texts.add} ({titleOf(p)})
          </Button>
        </div>
      )}
    </Fieldset>
  );
}

function ArrayFieldItemTemplate(p: ArrayFieldItemTemplateProps) {
  const context = ctx(p.registry);
  const { buttonsProps } = p;
  return (
    <div className="eform-item">
      {p.children}
      {buttonsProps.hasRemove && (
        <Button type="button" variant="tertiary" data-size="sm" onClick={buttonsProps.onRemoveItem} disabled={buttonsProps.disabled}>
          {context.texts.remove} {buttonsProps.index + 1}
        </Button>
      )}
    </div>
  );
}

const NoButton = (_: IconButtonProps) => null;

export const widgets: RegistryWidgetsType = {
  TextareaWidget, SelectWidget, RadioWidget, CheckboxesWidget, CheckboxWidget,
};

export const templates: Partial<TemplatesType> = {
  BaseInputTemplate: BaseInput,
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  // The page has its own buttons (next, back, send); the form library draws none.
  ButtonTemplates: { SubmitButton: () => null, AddButton: NoButton, CopyButton: NoButton, MoveDownButton: NoButton, MoveUpButton: NoButton, RemoveButton: NoButton, ClearButton: NoButton },
  ErrorListTemplate: () => null,
};
