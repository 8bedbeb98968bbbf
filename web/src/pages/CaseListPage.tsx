// SPDX-License-Identifier: EUPL-1.2
// The case list: search (q), status filter, and keyset pages. The query lives in the address so
// that back, reload and a shared link show the same list.
import { useState, type FormEvent } from 'react';
import { Button, Field, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { listCaseFiles } from '../api/archive.ts';
import { query } from '../api/client.ts';
import { caseStatuses, type Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { ScreeningBadge } from '../components/ScreeningBadge.tsx';
import { CaseStatusTag } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate } from '../router/navigation.ts';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from './usePageTitle.ts';
import { formatDate } from '../../../src/common/format.ts';

const PAGE_SIZE = 25;

export function CaseListPage({ tenant }: { tenant: Tenant }) {
  const { t, language } = useI18n();
  usePageTitle(t('caseList.title'), tenant.name);
  const params = new URLSearchParams(location.search);
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  // Only a status the API knows is sent; anything else in the address lists every case.
  const statusFilter = caseStatuses.find((s) => s === status);
  const cursor = params.get('cursor') ?? '';
  const [text, setText] = useState(q);
  const [statusChoice, setStatusChoice] = useState(status);
  const [page, reload] = useLoad((signal) => listCaseFiles(tenant.slug, { q, ...(statusFilter ? { status: statusFilter } : {}), cursor, limit: PAGE_SIZE }, signal), [tenant.slug, q, status, cursor]);
  const listHref = href({ name: 'caseList', tenant: tenant.slug });

  function onSearch(event: FormEvent) {
    event.preventDefault();
    navigate(listHref + query({ q: text.trim(), status: statusChoice }));
  }

  return (
    <section className="stack">
      <div className="page-title">
        <PageHeading>{t('caseList.title')}</PageHeading>
        <ButtonLink href={href({ name: 'caseNew', tenant: tenant.slug })}>{t('nav.newCase')}</ButtonLink>
      </div>
      <FlashMessage />
      <form className="filters" role="search" aria-label={t('caseList.filters')} onSubmit={onSearch}>
        <Textfield className="filters__q" type="search" label={t('caseList.search')} value={text} onChange={(event) => setText(event.target.value)} name="q" />
        <Field className="filters__status">
          <Label>{t('caseList.status')}</Label>
          <Select name="status" value={statusChoice} onChange={(event) => setStatusChoice(event.target.value)}>
            <Select.Option value="">{t('caseList.statusAll')}</Select.Option>
            {caseStatuses.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`status.case.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button type="submit" className="filters__submit">
          {t('caseList.searchButton')}
        </Button>
      </form>
      {page.status === 'loading' && <Loading />}
      {page.status === 'error' && <ErrorState error={page.error} onRetry={reload} tenant={tenant} inline />}
      {page.status === 'ready' && page.data.items.length === 0 && <Paragraph>{t('caseList.empty')}</Paragraph>}
      {page.status === 'ready' && page.data.items.length > 0 && (
        <div className="table-scroll">
          <Table hover className="case-table">
            <caption className="visually-hidden">{t('caseList.caption', { municipality: tenant.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('caseList.col.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('caseList.col.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('caseList.col.status')}</Table.HeaderCell>
                <Table.HeaderCell className="hide-narrow">{t('caseList.col.responsible')}</Table.HeaderCell>
                <Table.HeaderCell className="hide-narrow">{t('caseList.col.date')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {page.data.items.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell className="nowrap case-table__number">{c.caseNumber}</Table.Cell>
                  <Table.Cell className="case-table__title">
                    <AppLink href={href({ name: 'caseView', tenant: tenant.slug, id: c.id })}>{c.title}</AppLink> <ScreeningBadge screening={c.screening} />
                  </Table.Cell>
                  <Table.Cell className="case-table__status">
                    <CaseStatusTag status={c.status} />
                  </Table.Cell>
                  <Table.Cell className="hide-narrow">{c.responsibleOfficer ?? c.responsibleUnit ?? ''}</Table.Cell>
                  <Table.Cell className="hide-narrow nowrap">{formatDate(language, c.caseDate)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {page.status === 'ready' && (cursor || page.data.nextCursor) && (
        <nav className="button-row" aria-label={t('caseList.pagination')}>
          {cursor && <ButtonLink variant="secondary" href={listHref + query({ q, status })}>{t('caseList.first')}</ButtonLink>}
          {page.data.nextCursor && <ButtonLink variant="secondary" href={listHref + query({ q, status, cursor: page.data.nextCursor })}>{t('caseList.next')}</ButtonLink>}
        </nav>
      )}
    </section>
  );
}
