// SPDX-License-Identifier: EUPL-1.2
// One of my properties: owners, the municipal services delivered to it with the next pick-ups,
// its fees and invoices, and the building cases that name it (by public title: the owner need not
// be a party; those I am a party of link to my case).
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { getMyProperty } from '../../api/myPage.ts';
import type { Tenant } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { href } from '../../router/routes.ts';
import { useLoad } from '../../session/useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { formatDate, formatNumber } from '../../../../src/common/format.ts';

export function MyPropertyPage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t, language } = useI18n();
  const [load, reload] = useLoad((signal) => getMyProperty(tenant.slug, id, signal), [tenant.slug, id]);
  usePageTitle(load.status === 'ready' ? (load.data.address ?? load.data.matrikkel) : undefined, tenant.name);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ErrorState error={load.error} onRetry={reload} tenant={tenant} />;
  const p = load.data;
  return (
    <article className="stack">
      <AppLink href={href({ name: 'myPage', tenant: tenant.slug })}>{t('my.back')}</AppLink>
      <PageHeading size="md">{p.address ?? p.matrikkel}</PageHeading>
      <Paragraph>
        {t('my.properties.matrikkel', { matrikkel: p.matrikkel })} · {t('my.property.owners', { names: p.owners.map((o) => (o.you ? t('my.property.you', { name: o.name }) : o.name)).join(', ') })}
      </Paragraph>

      <section className="stack" aria-labelledby="my-property-services">
        <Heading level={2} data-size="sm" id="my-property-services">
          {t('my.property.services')}
        </Heading>
        {p.services.length === 0 ? (
          <Paragraph>{t('my.property.noServices')}</Paragraph>
        ) : (
          <ul className="stack my-list">
            {p.services.map((s, i) => (
              <li key={`${s.service}-${i}`}>
                <strong>{t(`my.service.${s.service}`)}</strong>
                {s.description ? ` – ${s.description}` : ''}
                {s.service === 'waste' && (
                  <Paragraph data-size="sm">
                    {s.nextPickups.length ? t('my.property.pickups', { dates: s.nextPickups.map((d) => formatDate(language, d)).join(', ') }) : t('my.property.noPickups')}
                  </Paragraph>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="stack" aria-labelledby="my-property-fees">
        <Heading level={2} data-size="sm" id="my-property-fees">
          {t('my.property.fees')}
        </Heading>
        {p.fees.length === 0 ? (
          <Paragraph>{t('my.property.noFees')}</Paragraph>
        ) : (
          // Focusable so that a keyboard can scroll the table sideways on a phone.
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="my-property-fees">
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('my.fee.description')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('my.fee.amount')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('my.fee.due')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('my.fee.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {p.fees.map((f, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>
                      {f.description}
                      {f.invoiceNumber ? <span className="muted"> · {t('my.fee.invoice', { number: f.invoiceNumber })}</span> : ''}
                    </Table.Cell>
                    <Table.Cell>
                      {formatNumber(language, f.amount, 2)} {f.currency}
                    </Table.Cell>
                    <Table.Cell>{formatDate(language, f.dueDate) || '–'}</Table.Cell>
                    <Table.Cell>
                      {f.status ? (
                        <Tag data-size="sm" data-color={f.status === 'paid' ? 'success' : f.status === 'overdue' ? 'danger' : 'info'}>
                          {t(`my.fee.${f.status as 'open' | 'paid' | 'overdue'}`)}
                        </Tag>
                      ) : (
                        t(f.kind === 'fee' ? 'my.fee.yearly' : 'my.fee.open')
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>

      <section className="stack" aria-labelledby="my-property-cases">
        <Heading level={2} data-size="sm" id="my-property-cases">
          {t('my.property.cases')}
        </Heading>
        {p.buildingCases.length === 0 ? (
          <Paragraph>{t('my.property.noCases')}</Paragraph>
        ) : (
          <ul className="my-list">
            {p.buildingCases.map((c) => (
              <li key={c.id}>
                {c.mine ? <AppLink href={href({ name: 'myCase', tenant: tenant.slug, id: c.id })}>{c.publicTitle}</AppLink> : c.publicTitle}
                <span className="muted">
                  {' '}
                  · {t('my.caseNumber', { number: c.caseNumber })} · {formatDate(language, c.caseDate)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
