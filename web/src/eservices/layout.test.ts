// SPDX-License-Identifier: EUPL-1.2
// The layout → react-jsonschema-form mapping, on the real demo forms.
import { describe, expect, it } from 'vitest';
import { optionsList, type RJSFSchema } from '@rjsf/utils';
import { buildingApplication, digitalSkillsSurvey, kindergartenApplication, problemReport } from '../../../src/forms/demo-forms.ts';
import type { FormDefinitionView } from '../api/eservices.ts';
import { fieldLabels, fileProblem, isShown, pageOf, sectionForm, visibleAnswers } from './layout.ts';

const view = (d: unknown) => ({ id: 'f', version: 1, publishedVersion: 1, ...(d as object) }) as FormDefinitionView;
const texts = { optional: '(valgfritt)', mapNote: 'note', lat: 'Breddegrad', lon: 'Lengdegrad' };
const building = view(buildingApplication);
const kindergarten = view(kindergartenApplication);

describe('e-service layout', () => {
  it('makes one schema per section with its fields, labels, help and required answers', () => {
    const page2 = building.layout.pages[1]!.sections[0]!;
    const { schema, uiSchema, fields } = sectionForm(building, page2, {}, 'nb', texts);
    expect(fields).toEqual(['measure', 'description', 'coApplicants']);
    expect(schema.required).toEqual(['measure', 'description']);
    expect(uiSchema.measure).toMatchObject({ 'ui:title': 'Type tiltak', 'ui:widget': 'radio' });
    expect(uiSchema.description['ui:widget']).toBe('textarea');
    // A repeating group: its items' fields in the layout's order, with their own labels.
    expect(uiSchema.coApplicants.items).toMatchObject({ 'ui:order': ['name', 'email'], name: { 'ui:title': 'Navn' }, email: { 'ui:title': 'E-post' } });
    expect(uiSchema.coApplicants['ui:options'].help).toMatch(/signere/);
  });

  it('offers a choice by its labels in the reader’s language, one choice or several, the values unchanged', () => {
    const page2 = building.layout.pages[1]!.sections[0]!;
    const { schema, uiSchema } = sectionForm(building, page2, {}, 'sv', texts);
    expect(optionsList(schema.properties!.measure as RJSFSchema, uiSchema.measure)).toEqual([
      { value: 'new-building', label: 'Nybyggnad' }, { value: 'extension', label: 'Tillbyggnad' }, { value: 'demolition', label: 'Rivning' }, { value: 'change-of-use', label: 'Ändrad användning' },
    ]);
    const survey = view(digitalSkillsSurvey);
    const section = survey.layout.pages[0]!.sections[0]!;
    const several = sectionForm(survey, section, {}, 'en', texts);
    const items = (several.schema.properties!.wantsTraining as RJSFSchema).items as RJSFSchema;
    expect(optionsList(items, several.uiSchema.wantsTraining!.items)?.map((o) => o.label)).toEqual(['Archive and case handling', 'Office software', 'Information security', 'Video meetings']);
  });

  it('shows a conditional field only while its condition holds, and drops its answer otherwise', () => {
    const section = kindergarten.layout.pages[0]!.sections[0]!;
    const adaptation = section.fields.find((f) => f.field === 'adaptation')!;
    expect(isShown(adaptation, {})).toBe(false);
    expect(sectionForm(kindergarten, section, {}, 'en', texts).fields).not.toContain('adaptation');
    expect(sectionForm(kindergarten, section, { needsAdaptation: true }, 'en', texts).fields).toContain('adaptation');
    expect(visibleAnswers(kindergarten, { needsAdaptation: false, adaptation: 'ramp' })).toEqual({ needsAdaptation: false });
    expect(visibleAnswers(kindergarten, { needsAdaptation: true, adaptation: 'ramp' })).toEqual({ needsAdaptation: true, adaptation: 'ramp' });
  });

  it('shows a map position as two numbers with a note', () => {
    const problem = view(problemReport);
    const section = problem.layout.pages.flatMap((p) => p.sections).find((s) => s.fields.some((f) => f.field === 'position'))!;
    const { uiSchema } = sectionForm(problem, section, {}, 'nb', texts);
    expect(uiSchema.position).toMatchObject({ 'ui:options': { note: 'note' }, lat: { 'ui:title': 'Breddegrad' }, lon: { 'ui:title': 'Lengdegrad' } });
  });

  it('names every input for the error summary and finds the page of a server error', () => {
    const labels = fieldLabels(building, { coApplicants: [{}] }, 'nb');
    expect(labels['answers.gnr']).toBe('Gårdsnummer');
    expect(labels['answers.coApplicants.0.email']).toBe('Medsøkere 1: E-post');
    expect(labels['attachments.drawings']).toBe('Tegninger og situasjonsplan');
    expect(pageOf(building, 'answers.gnr')).toBe(0);
    expect(pageOf(building, 'answers.coApplicants.0.email')).toBe(1);
    expect(pageOf(building, 'answers.nothing')).toBeUndefined();
  });

  it('checks a file’s type and size in the browser', () => {
    const rule = building.attachments[0]!;
    expect(fileProblem(rule, { type: 'application/pdf', size: 1000 })).toBeUndefined();
    expect(fileProblem(rule, { type: 'text/html', size: 1000 })).toBe('notAllowed');
    expect(fileProblem(rule, { type: 'application/pdf', size: rule.maxBytes + 1 })).toBe('tooLarge');
  });
});
