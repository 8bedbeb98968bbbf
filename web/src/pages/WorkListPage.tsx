// SPDX-License-Identifier: EUPL-1.2
// The case officer's work lists: my cases, my unit's cases, letters awaiting follow-up and the
// overdue ones. A dense table sorted by its column headers, with the count and pages; list, unit,
// sorting and page live in the address so back, reload and a shared link show the same list.
import { Field, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import type { Tenant } from '../api/types.ts';
import { getWorkOverview, listPendingFollowUps, listWorkCases, type FollowUpSort, type PendingFollowUp, type WorkCase, type WorkCaseSort, type WorkOverview, type WorkPage } from '../api/worklists.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { CaseStatusTag, EntryStatusTag } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { navigate } from '../router/navigation.ts';
import { href, workLists, type Route, type WorkListName } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { usePageTitle } from './usePageTitle.ts';

type WorkRoute = Extract<Route, { name: 'workList' }>;
const PAGE_SIZE = 50;

const caseColumns: readonly WorkCaseSort[] = ['caseNumber', 'title', 'date', 'dueDate', 'status'];
const entryColumns: readonly FollowUpSort[] = ['documentNumber', 'title', 'date', 'dueDate', 'status'];
const oneOf = <C extends string>(columns: readonly C[], value: string | undefined): value is C => value !== undefined && (columns as readonly string[]).includes(value);

type Loaded = { kind: 'cases'; page: WorkPage<WorkCase> } | { kind: 'entries'; page: WorkPage<PendingFollowUp> };

export function WorkListPage({ tenant, route }: { tenant: Tenant; route: WorkRoute }) {
  const { t } = useI18n();
  const { list } = route;
  // An address may name a column this list has not (typed by hand, or kept from another list): the
  // API would refuse it, so the list's default sort is used instead.
  const caseSort = oneOf(caseColumns, route.sort) ? route.sort : 'caseNumber';
  const entrySort = oneOf(entryColumns, route.sort) ? route.sort : 'dueDate';
  const sort: string = list === 'my-cases' || list === 'unit-cases' ? caseSort : entrySort;
  const order = route.order ?? 'asc';
  usePageTitle(t(`work.list.${list}`), tenant.name);
  const [overview] = useLoad((signal) => getWorkOverview(tenant.slug, signal), [tenant.slug]);
  const [load, reload] = useLoad<Loaded>(
    async (signal) => {
      const q = { order, cursor: route.cursor, limit: PAGE_SIZE, unitId: route.unitId };
      // Without a unit picked, "my unit's cases" are those of every unit I am a member of.
      if (list === 'unit-cases') return { kind: 'cases', page: await listWorkCases(tenant.slug, { ...q, sort: caseSort, myUnits: !route.unitId }, signal) };
      if (list === 'my-cases') return { kind: 'cases', page: await listWorkCases(tenant.slug, { ...q, sort: caseSort, mine: true }, signal) };
      return { kind: 'entries', page: await listPendingFollowUps(tenant.slug, { ...q, sort: entrySort, mine: true, overdue: list === 'overdue' }, signal) };
    },
    [tenant.slug, list, sort, order, route.cursor, route.unitId],
  );
  const to = (change: Partial<WorkRoute>) => href({ ...route, ...change });

  return (
    <section className="stack">
      <PageHeading>{t(`work.list.${list}`)}</PageHeading>
      <WorkNav tenant={tenant} current={list} overview={overview.status === 'ready' ? overview.data : undefined} />
      {list === 'unit-cases' && overview.status === 'ready' && <UnitPicker overview={overview.data} unitId={route.unitId} onPick={(unitId) => navigate(href({ name: 'workList', tenant: tenant.slug, list, ...(unitId ? { unitId } : {}) }))} />}
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <ErrorState error={load.error} onRetry={reload} tenant={tenant} inline />}
      {list === 'unit-cases' && !route.unitId && overview.status === 'ready' && !overview.data.myUnits.length && <Paragraph>{t('work.noMyUnits')}</Paragraph>}
      {load.status === 'ready' && (
        <>
          <Paragraph role="status">{t(load.data.kind === 'cases' ? 'work.countCases' : 'work.countEntries', { count: load.data.page.total })}</Paragraph>
          {load.data.page.items.length > 0 && (
            <div className="table-scroll">
              <Table className="case-table work-table" data-size="sm" hover>
                <caption className="visually-hidden">{t('work.caption', { list: t(`work.list.${list}`), municipality: tenant.name })}</caption>
                <Table.Head>
                  <Table.Row>
                    {(load.data.kind === 'cases' ? caseColumns : entryColumns).map((column) => (
                      <Table.HeaderCell
                        key={column}
                        sort={sort === column ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
                        onClick={() => navigate(to({ sort: column, order: sort === column && order === 'asc' ? 'desc' : 'asc', cursor: undefined }))}
                      >
                        {t(`work.col.${column}` as MessageKey)}
                      </Table.HeaderCell>
                    ))}
                    <Table.HeaderCell>{t(load.data.kind === 'cases' ? 'work.col.awaiting' : 'work.col.case')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>{load.data.kind === 'cases' ? load.data.page.items.map((c) => <CaseRow key={c.id} tenant={tenant} row={c} />) : load.data.page.items.map((e) => <EntryRow key={e.id} tenant={tenant} row={e} />)}</Table.Body>
              </Table>
            </div>
          )}
          {(route.cursor || load.data.page.nextCursor) && (
            <nav className="button-row" aria-label={t('caseList.pagination')}>
              {route.cursor && (
                <ButtonLink variant="secondary" href={to({ cursor: undefined })}>
                  {t('caseList.first')}
                </ButtonLink>
              )}
              {load.data.page.nextCursor && (
                <ButtonLink variant="secondary" href={to({ cursor: load.data.page.nextCursor })}>
                  {t('caseList.next')}
                </ButtonLink>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function WorkNav({ tenant, current, overview }: { tenant: Tenant; current: WorkListName; overview: WorkOverview | undefined }) {
  const { t } = useI18n();
  const counts: Partial<Record<WorkListName, number>> = overview ? { 'my-cases': overview.myCases, 'unit-cases': overview.myUnitCases, 'follow-ups': overview.myPendingFollowUps, overdue: overview.myOverdue } : {};
  return (
    <nav aria-label={t('work.nav')}>
      <ul className="work-nav">
        {workLists.map((list) => (
          <li key={list}>
            <AppLink href={href({ name: 'workList', tenant: tenant.slug, list })} aria-current={list === current ? 'page' : undefined}>
              {t(`work.list.${list}`)}
              {counts[list] !== undefined && ` (${counts[list]})`}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UnitPicker({ overview, unitId, onPick }: { overview: WorkOverview; unitId: string | undefined; onPick(unitId: string): void }) {
  const { t } = useI18n();
  if (!overview.units.length) return <Paragraph>{t('work.noUnits')}</Paragraph>;
  // My own units first; any other unit can still be picked (unitId is an explicit filter).
  const mine = new Set(overview.myUnits.map((u) => u.id));
  const ordered = [...overview.myUnits, ...overview.units.filter((u) => !mine.has(u.id))];
  return (
    <Field className="work-unit">
      <Label>{t('work.unit')}</Label>
      <Select value={unitId ?? ''} onChange={(event) => onPick(event.target.value)}>
        <Select.Option value="">{t('work.allMyUnits', { count: overview.myUnits.length })}</Select.Option>
        {ordered.map((u) => (
          <Select.Option key={u.id} value={u.id}>
            {u.code} – {u.name}
            {mine.has(u.id) ? ` (${t('work.myUnit')})` : ''}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function CaseRow({ tenant, row }: { tenant: Tenant; row: WorkCase }) {
  return (
    <Table.Row>
      <Table.Cell className="nowrap case-table__number">{row.caseNumber}</Table.Cell>
      <Table.Cell className="case-table__title">
        <AppLink href={href({ name: 'caseView', tenant: tenant.slug, id: row.id })}>{row.title}</AppLink>
      </Table.Cell>
      <Table.Cell className="nowrap">{row.caseDate}</Table.Cell>
      <Table.Cell className="nowrap">
        <Due date={row.nextDueDate} overdue={row.overdueFollowUps > 0} />
      </Table.Cell>
      <Table.Cell>
        <CaseStatusTag status={row.status} />
      </Table.Cell>
      <Table.Cell className="nowrap">{row.pendingFollowUps}</Table.Cell>
    </Table.Row>
  );
}

function EntryRow({ tenant, row }: { tenant: Tenant; row: PendingFollowUp }) {
  return (
    <Table.Row>
      <Table.Cell className="nowrap case-table__number">{row.documentNumber}</Table.Cell>
      <Table.Cell className="case-table__title">
        <AppLink href={href({ name: 'entryView', tenant: tenant.slug, id: row.id })}>{row.title}</AppLink>
        {row.correspondents && <span className="muted work-table__parties">{row.correspondents}</span>}
      </Table.Cell>
      <Table.Cell className="nowrap">{row.journalDate}</Table.Cell>
      <Table.Cell className="nowrap">
        <Due date={row.dueDate} overdue={row.overdue} />
      </Table.Cell>
      <Table.Cell>
        <EntryStatusTag status={row.status} />
      </Table.Cell>
      <Table.Cell>
        <AppLink href={href({ name: 'caseView', tenant: tenant.slug, id: row.caseFileId })}>{row.caseNumber}</AppLink> {row.caseTitle}
      </Table.Cell>
    </Table.Row>
  );
}

function Due({ date, overdue }: { date: string | null; overdue: boolean }) {
  const { t } = useI18n();
  if (!date) return null;
  return (
    <>
      {date}{' '}
      {overdue && (
        <Tag data-color="danger" data-size="sm">
          {t('work.overdue')}
        </Tag>
      )}
    </>
  );
}
