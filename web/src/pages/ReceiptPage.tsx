// SPDX-License-Identifier: EUPL-1.2
// The receipt after submitting a form: the case number, the checksums and the PDF receipt.
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { receiptHref } from '../api/eservices.ts';
import type { Tenant } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { recalledReceipt } from '../eservices/receipts.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import { usePageTitle } from './usePageTitle.ts';

export function ReceiptPage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t } = useI18n();
  usePageTitle(t('receipt.title'), tenant.name);
  const kept = recalledReceipt(id);
  return (
    <section className="stack">
      <PageHeading>{t('receipt.title')}</PageHeading>
      {kept && (
        <>
          <Alert data-color="success">
            <Paragraph>{t('receipt.filed', { title: kept.title, municipality: tenant.name })}</Paragraph>
          </Alert>
          <dl className="receipt">
            <dt>{t('receipt.caseNumber')}</dt>
            <dd data-testid="case-number">{kept.caseNumber}</dd>
            <dt>{t('receipt.registryNumber')}</dt>
            <dd>{kept.registryNumber}</dd>
            <dt>{t('receipt.checksum')}</dt>
            <dd className="checksum">{kept.receiptChecksum}</dd>
            <dt>{t('receipt.answersChecksum')}</dt>
            <dd className="checksum">{kept.answersChecksum}</dd>
            {kept.attachments.map((a) => (
              <div key={a.checksum + a.fileName}>
                <dt>{a.fileName}</dt>
                <dd className="checksum">{a.checksum}</dd>
              </div>
            ))}
          </dl>
          <Paragraph>{kept.anonymous ? t(kept.anonymous.mailed ? 'receipt.mail' : 'receipt.noMail') : t('receipt.mail')}</Paragraph>
        </>
      )}
      <div className="button-row">
        {/* The PDF is fetched with a login; a report sent without one has its receipt in the mail only. */}
        {!kept?.anonymous && <ButtonLink href={receiptHref(tenant.slug, id)}>{t('receipt.pdf')}</ButtonLink>}
        <ButtonLink variant="secondary" href={href({ name: 'services', tenant: tenant.slug })}>{t('services.title')}</ButtonLink>
      </div>
    </section>
  );
}
