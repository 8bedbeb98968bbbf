// SPDX-License-Identifier: EUPL-1.2
import { Spinner } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <Spinner aria-hidden="true" data-size="md" />
      <span>{t('app.loading')}</span>
    </div>
  );
}
