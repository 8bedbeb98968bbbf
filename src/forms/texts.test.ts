// SPDX-License-Identifier: EUPL-1.2
// Every text of the catalogue page and the receipt mail exists in nb, nn, sv and en; every demo
// form passes the same check as a definition sent to the API.
import { describe, expect, it } from 'vitest';
import { languages } from '../common/languages.ts';
import { renderMail } from '../platform/mail/template.ts';
import { checkDefinition } from './definition.ts';
import { demoForms } from './demo-forms.ts';
import { receiptMail } from './mail.ts';
import { formTexts } from './texts.ts';
import { words } from './words.ts';

describe('forms texts', () => {
  it('has the same keys, none empty, in all four languages', () => {
    const keys = Object.keys(formTexts.nb).sort();
    for (const language of languages) {
      expect(Object.keys(formTexts[language]).sort(), language).toEqual(keys);
      for (const key of keys) expect(formTexts[language][key]?.trim(), `${language} ${key}`).toBeTruthy();
      expect(Object.keys(words[language]).sort()).toEqual(Object.keys(words.nb).sort());
    }
  });

  it('renders the receipt mail in every language with the case number and the checksum', () => {
    for (const language of languages) {
      const mail = renderMail(receiptMail, language, { municipality: 'Balsfjord kommune', form: 'Byggesøknad', caseNumber: '2026/12', checksum: 'ab'.repeat(32), days: 21 });
      expect(mail.subject).toContain('2026/12');
      expect(mail.text).toContain('ab'.repeat(32));
    }
  });

  it('every demo form is a valid definition', () => {
    for (const form of demoForms) expect(checkDefinition(form), form.key).toEqual([]);
    expect(new Set(demoForms.map((f) => f.key)).size).toBe(5);
  });

  it('a definition with a repeating group whose items name a missing field, or a condition on nothing, is refused', () => {
    const broken = structuredClone(demoForms[0]!) as unknown as { layout: { pages: { sections: { fields: { items?: { field: string }[]; showIf?: unknown }[] }[] }[] } };
    broken.layout.pages[1]!.sections[0]!.fields[2]!.items![0]!.field = 'nosuch';
    broken.layout.pages[1]!.sections[0]!.fields[1]!.showIf = { field: 'ghost', equals: 1 };
    expect(checkDefinition(broken).map((e) => e.field)).toEqual(['layout.pages.1.sections.0.fields.1.showIf.field', 'layout.pages.1.sections.0.fields.2.items.0.field']);
  });
});
