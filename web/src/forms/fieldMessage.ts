// SPDX-License-Identifier: EUPL-1.2
// A field error as the person reads it: the text of its code (src/common/error-texts.ts) in the
// person's language. The API's English message is for API users and never shown here.
import type { FieldError, Language } from '../api/types.ts';
import { fieldErrorText, problemText } from '../../../src/common/error-texts.ts';

export const fieldMessage = (language: Language, error: Pick<FieldError, 'code'>): string => fieldErrorText(language, error.code);

/** What went wrong with a request as a whole, by its problem code. */
export const problemMessage = (language: Language, code: string): string => problemText(language, code);
