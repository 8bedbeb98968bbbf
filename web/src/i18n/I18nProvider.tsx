// SPDX-License-Identifier: EUPL-1.2
// Which language the workspace speaks, and the t() that every component uses. The municipality's
// language is the default; a choice made with the language picker is remembered in this browser.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../api/types.ts';
import { chooseLanguage, translate, type MessageKey, type Params } from './catalogue.ts';

const STORAGE_KEY = 'radhus.language';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Params): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function I18nProvider({ tenantLanguage, children }: { tenantLanguage: Language | undefined; children: ReactNode }) {
  const [stored, setStored] = useState<string | null>(readStored);
  const language = chooseLanguage(stored, tenantLanguage, navigator.languages ?? [navigator.language]);

  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
    setStored(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    // The server's own pages (login errors) speak the language the workspace last showed.
    document.cookie = `radhus_lang=${language}; path=/; max-age=31536000; samesite=lax`;
  }, [language]);

  const value = useMemo<I18n>(() => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
