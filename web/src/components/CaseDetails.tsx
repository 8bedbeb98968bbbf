// SPDX-License-Identifier: EUPL-1.2
import type { CaseFile } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DetailsPanel, type DetailRow } from './DetailsPanel.tsx';
import { formatDate } from '../../../src/common/format.ts';

export function CaseDetails({ caseFile: c }: { caseFile: CaseFile }) {
  const { t, language } = useI18n();
  const rows: DetailRow[] = [
    [t('caseView.number'), c.caseNumber],
    [t('caseView.publicTitle'), c.publicTitle],
    [t('caseView.responsibleUnit'), c.responsibleUnit],
    [t('caseView.responsibleOfficer'), c.responsibleOfficer],
    [t('caseView.caseDate'), formatDate(language, c.caseDate)],
    [t('screening.legalBasis'), c.screening?.legalBasis],
    [t('caseView.description'), c.description],
  ];
  return <DetailsPanel id="case-details-heading" title={t('caseView.details')} rows={rows} />;
}
