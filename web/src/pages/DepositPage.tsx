// SPDX-License-Identifier: EUPL-1.2
// The archivist's deposit (avlevering, issue 8 §5): the series with their periods and state, closing
// a period (the successor opens; open case files move with a sharp separation or stay with a soft
// one), starting an export for the depot (Noark 5 or FGS) and the jobs run so far. A job's own page
// shows its progress and, for a verification, the report per check.
import { useState, type FormEvent } from 'react';
import { Button, Card, Fieldset, Heading, Paragraph, Radio, Table, Tag } from '@digdir/designsystemet-react';
import { formatDate, formatDateTime, parseDateInput } from '../../../src/common/format.ts';
import type { FieldError, Tenant } from '../api/types.ts';
import { ApiError } from '../api/problem.ts';
import { closeSeriesPeriod, listDepositJobs, listSeries, startDepositExport, type DepositFormat, type DepositJob, type Series } from '../api/deposit.ts';
import { AppLink } from '../components/AppLink.tsx';
import { DateField } from '../components/DateField.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { navigate } from '../router/navigation.ts';
import { href } from '../router/routes.ts';
import { setFlash, type Flash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { usePageTitle } from './usePageTitle.ts';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'network', String(e)));

export const stateColor: Record<DepositJob['state'], string> = { queued: 'neutral', running: 'info', done: 'success', failed: 'danger' };

export function DepositPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  usePageTitle(t('deposit.title'), tenant.name);
  const [series, reloadSeries] = useLoad((signal) => listSeries(tenant.slug, signal), [tenant.slug]);
  const [flash, setPageFlash] = useState<Flash | undefined>();
  return (
    <section className="stack">
      <PageHeading>{t('deposit.title')}</PageHeading>
      <FlashMessage flash={flash} />
      <Paragraph>{t('deposit.intro')}</Paragraph>
      <section className="stack" aria-labelledby="deposit-series">
        <Heading level={2} data-size="sm" id="deposit-series">
          {t('deposit.series.heading')}
        </Heading>
        {series.status === 'loading' && <Loading />}
        {series.status === 'error' && <ErrorState error={series.error} onRetry={reloadSeries} tenant={tenant} inline />}
        {series.status === 'ready' && (
          <SeriesTable
            tenant={tenant}
            series={series.data.items}
            onClosed={(text) => {
              setPageFlash({ kind: 'success', text });
              reloadSeries();
            }}
          />
        )}
      </section>
      {/* Keyed by the series' states: a period just closed becomes the form's choice. */}
      {series.status === 'ready' && <StartExport key={series.data.items.map((s) => `${s.id}:${s.status}`).join()} tenant={tenant} series={series.data.items} />}
      <JobList tenant={tenant} />
    </section>
  );
}

function SeriesTable({ tenant, series, onClosed }: { tenant: Tenant; series: Series[]; onClosed: (text: string) => void }) {
  const { t, language } = useI18n();
  const [closing, setClosing] = useState<string | undefined>();
  const statusKey = (status: string) => `deposit.series.status.${status === 'active' || status === 'overlap' || status === 'closed' ? status : 'active'}` as MessageKey;
  return (
    <>
      <div className="table-scroll">
        <Table>
          <caption className="visually-hidden">{t('deposit.series.caption', { municipality: tenant.name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('deposit.series.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('deposit.series.period')}</Table.HeaderCell>
              <Table.HeaderCell>{t('deposit.series.state')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {series.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>{s.title}</Table.Cell>
                <Table.Cell className="nowrap">
                  {formatDate(language, s.periodStart)} – {s.periodEnd ? formatDate(language, s.periodEnd) : ''}
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={s.status === 'closed' ? 'neutral' : s.status === 'overlap' ? 'warning' : 'success'} data-size="sm">
                    {t(statusKey(s.status))}
                  </Tag>
                </Table.Cell>
                <Table.Cell className="nowrap">
                  {s.status !== 'closed' && (
                    <Button variant="tertiary" data-size="sm" aria-expanded={closing === s.id} onClick={() => setClosing(closing === s.id ? undefined : s.id)}>
                      {t(s.status === 'overlap' ? 'deposit.close.finish' : 'deposit.close.open', { title: s.title })}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {closing && (
        <ClosePeriodForm
          key={closing}
          tenant={tenant}
          series={series.find((s) => s.id === closing)!}
          onDone={(text) => {
            setClosing(undefined);
            onClosed(text);
          }}
        />
      )}
    </>
  );
}

function ClosePeriodForm({ tenant, series, onDone }: { tenant: Tenant; series: Series; onDone: (text: string) => void }) {
  const { t, language } = useI18n();
  const [separation, setSeparation] = useState<'sharp' | 'soft'>('sharp');
  const [periodEnd, setPeriodEnd] = useState('');
  const [successorTitle, setSuccessorTitle] = useState('');
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const overlap = series.status === 'overlap';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseDateInput(language, periodEnd);
    if (!parsed.ok) {
      setErrors([{ field: 'periodEnd', code: 'invalidDate', message: 'not a date' }]);
      return;
    }
    setBusy(true);
    setErrors([]);
    setError(undefined);
    try {
      const result = await closeSeriesPeriod(tenant.slug, series.id, {
        separation,
        ...(parsed.iso ? { periodEnd: parsed.iso } : {}),
        ...(successorTitle.trim() ? { successorTitle: successorTitle.trim() } : {}),
      });
      const text = result.successor
        ? t('deposit.close.done', { title: result.closed.title, successor: result.successor.title, moved: result.movedCaseFiles, open: result.openCaseFiles })
        : t('deposit.close.finished', { title: result.closed.title });
      onDone(text);
    } catch (e) {
      const apiError = asApiError(e);
      setError(apiError);
      setErrors(apiError.errors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <form onSubmit={(event) => void submit(event)} className="stack" noValidate aria-labelledby="close-period-heading">
        <Heading level={3} data-size="xs" id="close-period-heading">
          {t(overlap ? 'deposit.close.finish' : 'deposit.close.open', { title: series.title })}
        </Heading>
        <FormErrorSummary errors={errors} code={error && !error.errors.length ? error.code : undefined} fields={{ periodEnd: t('deposit.close.periodEnd'), successorTitle: t('deposit.close.successorTitle') }} />
        {overlap ? (
          <Paragraph>{t('deposit.close.overlapHint')}</Paragraph>
        ) : (
          <>
            <Fieldset>
              <Fieldset.Legend>{t('deposit.close.separation')}</Fieldset.Legend>
              {(['sharp', 'soft'] as const).map((s) => (
                <Radio key={s} name="separation" value={s} label={t(`deposit.close.${s}`)} description={t(`deposit.close.${s}Hint`)} checked={separation === s} onChange={() => setSeparation(s)} />
              ))}
            </Fieldset>
            <DateField field="periodEnd" label={t('deposit.close.periodEnd')} value={periodEnd} onChange={setPeriodEnd} errors={errors} />
            <FormField field="successorTitle" label={t('deposit.close.successorTitle')} value={successorTitle} onChange={setSuccessorTitle} errors={errors} description={t('deposit.close.successorHint')} />
          </>
        )}
        <div>
          <Button type="submit" disabled={busy}>
            {t(overlap ? 'deposit.close.submitFinish' : 'deposit.close.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function StartExport({ tenant, series }: { tenant: Tenant; series: Series[] }) {
  const { t, language } = useI18n();
  const [format, setFormat] = useState<DepositFormat>(tenant.country === 'SE' ? 'fgs' : 'noark5');
  // A deposit takes a closed period: the newest closed series is the likely choice.
  const [seriesId, setSeriesId] = useState(() => series.find((s) => s.status === 'closed')?.id ?? 'all');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const open = series.some((s) => s.status !== 'closed' && (seriesId === 'all' || s.id === seriesId));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const job = await startDepositExport(tenant.slug, { format, ...(seriesId !== 'all' ? { seriesId } : {}) });
      setFlash({ kind: 'success', text: t('deposit.export.started') });
      navigate(href({ name: 'depositJob', tenant: tenant.slug, id: job.id }));
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  }

  const titleOf = (id: string) => {
    const s = series.find((x) => x.id === id);
    // Successive series often share a title: the period tells them apart.
    return s ? `${s.title} (${formatDate(language, s.periodStart)} – ${s.periodEnd ? formatDate(language, s.periodEnd) : ''})` : t('deposit.export.allSeries');
  };
  return (
    <section className="stack" aria-labelledby="deposit-export">
      <Heading level={2} data-size="sm" id="deposit-export">
        {t('deposit.export.heading')}
      </Heading>
      <form onSubmit={(event) => void submit(event)} className="stack form-page" noValidate aria-labelledby="deposit-export">
        <FormErrorSummary errors={error?.errors ?? []} code={error && !error.errors.length ? error.code : undefined} fields={{ format: t('deposit.export.format'), seriesId: t('deposit.export.series') }} />
        <Fieldset>
          <Fieldset.Legend>{t('deposit.export.format')}</Fieldset.Legend>
          {(['noark5', 'fgs'] as const).map((f) => (
            <Radio key={f} name="format" value={f} label={t(`deposit.format.${f}`)} description={t(`deposit.format.${f}Hint`)} checked={format === f} onChange={() => setFormat(f)} />
          ))}
        </Fieldset>
        <SelectField field="seriesId" label={t('deposit.export.series')} value={seriesId} options={['all', ...series.map((s) => s.id)]} optionLabel={titleOf} onChange={setSeriesId} errors={error?.errors ?? []} />
        {open && <Paragraph data-size="sm">{t('deposit.export.openHint')}</Paragraph>}
        <div>
          <Button type="submit" disabled={busy}>
            {t('deposit.export.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function jobLabel(t: ReturnType<typeof useI18n>['t'], job: DepositJob): string {
  return t(job.kind === 'export' ? 'deposit.job.export' : 'deposit.job.verification', { format: t(`deposit.format.${job.format}`) });
}

function JobList({ tenant }: { tenant: Tenant }) {
  const { t, language } = useI18n();
  const [jobs, reload] = useLoad((signal) => listDepositJobs(tenant.slug, signal), [tenant.slug]);
  return (
    <section className="stack" aria-labelledby="deposit-jobs">
      <Heading level={2} data-size="sm" id="deposit-jobs">
        {t('deposit.jobs.heading')}
      </Heading>
      {jobs.status === 'loading' && <Loading />}
      {jobs.status === 'error' && <ErrorState error={jobs.error} onRetry={reload} tenant={tenant} inline />}
      {jobs.status === 'ready' && jobs.data.items.length === 0 && <Paragraph>{t('deposit.jobs.empty')}</Paragraph>}
      {jobs.status === 'ready' && jobs.data.items.length > 0 && (
        <ul className="stack" aria-labelledby="deposit-jobs">
          {jobs.data.items.map((job) => (
            <li key={job.id} className="button-row">
              <AppLink href={href({ name: 'depositJob', tenant: tenant.slug, id: job.id })}>
                {jobLabel(t, job)}, {formatDateTime(language, job.createdAt)}
              </AppLink>
              <Tag data-color={stateColor[job.state]} data-size="sm">
                {t(`deposit.state.${job.state}`)}
              </Tag>
              {job.passed !== null && (
                <Tag data-color={job.passed ? 'success' : 'danger'} data-size="sm">
                  {t(job.passed ? 'deposit.report.passed' : 'deposit.report.failed')}
                </Tag>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
