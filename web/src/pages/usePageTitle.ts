// SPDX-License-Identifier: EUPL-1.2
// Each screen names itself in the browser's title (tabs, history, screen readers announce it),
// in the page's language: "My cases – Balsfjord kommune – Rådhus".
import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function usePageTitle(page: string | undefined, municipality?: string): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    if (!page) return;
    document.title = [page, municipality, app].filter(Boolean).join(' – ');
  }, [page, municipality, app]);
}
