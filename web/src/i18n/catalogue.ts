// SPDX-License-Identifier: EUPL-1.2
// The one catalogue of UI text, in the four languages Rådhus speaks.
import type { Language } from '../api/types.ts';
import { en, type Catalogue, type MessageKey } from './en.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';
import { sv } from './sv.ts';

export type { Catalogue, MessageKey };
export const languages: readonly Language[] = ['nb', 'nn', 'sv', 'en'];
export const catalogues: Record<Language, Catalogue> = { nb, nn, sv, en };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (languages as readonly string[]).includes(value);

export type Params = Record<string, string | number>;

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return format(catalogues[language][key], params);
}

/** Placeholders named in a message, to check that every translation asks for the same values. */
export const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/**
 * The language to show: the person's own choice wins, then the municipality's language, then the
 * browser's, then bokmål.
 */
export function chooseLanguage(stored: string | null | undefined, tenantLanguage: Language | undefined, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  if (tenantLanguage) return tenantLanguage;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower === 'no' || lower.startsWith('nb')) return 'nb';
    const base = lower.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'nb';
}
