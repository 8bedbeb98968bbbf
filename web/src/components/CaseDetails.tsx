// SPDX-License-Identifier: EUPL-1.2
import { Heading } from '@digdir/designsystemet-react';
import type { CaseFile } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function CaseDetails({ caseFile: c }: { caseFile: CaseFile }) {
  const { t } = useI18n();
  const rows: [string, string | null | undefined][] = [
    [t('caseView.number'), c.caseNumber],
    [t('caseView.publicTitle'), c.publicTitle],
    [t('caseView.responsibleUnit'), c.responsibleUnit],
    [t('caseView.responsibleOfficer'), c.responsibleOfficer],
    [t('caseView.caseDate'), c.caseDate],
    [t('screening.legalBasis'), c.screening?.legalBasis],
    [t('caseView.description'), c.description],
  ];
  return (
    <section aria-labelledby="case-details-heading" className="details-panel">
      <Heading level={2} data-size="xs" id="case-details-heading">
        {t('caseView.details')}
      </Heading>
      <dl className="details-list">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
