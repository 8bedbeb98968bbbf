// SPDX-License-Identifier: EUPL-1.2
// The API explains errors in English; common codes are shown in the person's language, and the
// API's own words are kept for the rest, which name the exact problem.
import type { FieldError } from '../api/types.ts';
import type { MessageKey, Params } from '../i18n/catalogue.ts';

const translated: Record<string, MessageKey> = {
  required: 'error.code.required',
  // An empty string fails minLength 1: to the person it is the same as leaving the field out.
  minLength: 'error.code.required',
  maxLength: 'error.code.maxLength',
  format: 'error.code.format',
  'not-in-title': 'error.code.not-in-title',
  empty: 'error.code.empty',
};

export function fieldMessage(t: (key: MessageKey, params?: Params) => string, error: FieldError): string {
  const key = translated[error.code];
  return key ? t(key) : error.message;
}
