// SPDX-License-Identifier: EUPL-1.2
// The service catalogue (tjenestekatalog): the published forms of a municipality in one language,
// searched by the words of their title and description (every word must match, accents folded).
import type { Language } from '../common/languages.ts';
import type { PublicFormRow } from './repository.ts';

export interface Service {
  id: string;
  key: string;
  version: number;
  title: string;
  description: string;
  rights: string;
  loginLevel: string;
  audience: string;
  processingDays: number;
}

const fold = (s: string): string => s.toLocaleLowerCase('nb').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

export function searchServices(rows: readonly PublicFormRow[], q: string | undefined, language: Language): Service[] {
  const wanted = fold(q ?? '').split(/\s+/).filter(Boolean);
  return rows
    .map((r) => ({
      id: r.form_id, key: r.key, version: r.version, title: r.definition.title[language], description: r.definition.description[language], rights: r.definition.rights[language],
      loginLevel: r.definition.loginLevel, audience: r.definition.audience, processingDays: r.definition.processingDays,
    }))
    .filter((s) => {
      const text = fold(`${s.title} ${s.description} ${s.key}`);
      return wanted.every((w) => text.includes(w));
    })
    .sort((a, b) => a.title.localeCompare(b.title, language));
}
