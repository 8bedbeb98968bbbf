// SPDX-License-Identifier: EUPL-1.2
// The four languages Rådhus speaks and the pure helpers around them. Part of src/common: the small
// pure library that the server and the web UI both use; it imports nothing of ours.
export const languages = ['nb', 'nn', 'sv', 'en'] as const;
export type Language = (typeof languages)[number];

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (languages as readonly string[]).includes(value);

export type Params = Record<string, string | number>;

/** Fills {name} placeholders; an unknown placeholder is left as it is, so a missing value shows. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
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
    const lower = tag.toLowerCase().trim();
    if (lower === 'no' || lower.startsWith('nb')) return 'nb';
    const base = lower.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'nb';
}
