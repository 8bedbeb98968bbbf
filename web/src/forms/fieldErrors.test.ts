// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { errorsFor, fieldId, targetField } from './fieldErrors.ts';

const e = (field: string) => ({ field, code: 'required' as const, message: 'is required' });

describe('field errors', () => {
  it('makes ids that are valid and distinct per nested field', () => {
    expect(fieldId('title')).toBe('field-title');
    expect(fieldId('correspondents.0.name')).toBe('field-correspondents-0-name');
    expect(fieldId('correspondents.1.name')).not.toBe(fieldId('correspondents.0.name'));
  });

  it('collects errors of a field and its children, not of siblings with a common prefix', () => {
    const errors = [e('screening.titleWords.0'), e('screening.titleWordsExtra'), e('title')];
    expect(errorsFor(errors, 'screening.titleWords').map((x) => x.field)).toEqual(['screening.titleWords.0']);
  });

  it('points an error at the nearest input that is shown', () => {
    const shown = ['title', 'screening.titleWords', 'correspondents.0.name'];
    expect(targetField(e('screening.titleWords.2'), shown)).toBe('screening.titleWords');
    expect(targetField(e('correspondents.0.name'), shown)).toBe('correspondents.0.name');
    expect(targetField(e('body'), shown)).toBeUndefined();
  });
});
