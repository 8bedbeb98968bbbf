// SPDX-License-Identifier: EUPL-1.2
// The one catalogue of UI text, in the four languages Rådhus speaks.
import { format, type Language, type Params } from '../../../src/common/languages.ts';
import { en, type Catalogue, type MessageKey } from './en.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';
import { sv } from './sv.ts';

export type { Catalogue, MessageKey };
export { languages, isLanguage, format, placeholders, chooseLanguage, type Params } from '../../../src/common/languages.ts';
export const catalogues: Record<Language, Catalogue> = { nb, nn, sv, en };

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return format(catalogues[language][key], params);
}
