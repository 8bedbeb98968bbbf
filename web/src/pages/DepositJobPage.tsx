// SPDX-License-Identifier: EUPL-1.2
// One deposit job: while it runs, its phase with counts and rate (polled every second); when an
// export is done, what the package holds, its download and a button to verify it; when a
// verification is done, the report per check (passed, failed with file and element, not
// applicable), as Arkade 5 would give it.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatDateTime, formatNumber } from '../../../src/common/format.ts';
import type { Tenant } from '../api/types.ts';
import { ApiError } from '../api/problem.ts';
import { getDepositJob, startDepositVerification, type CheckStatus, type DepositJob, type ReportCheck, type ReportFinding } from '../api/deposit.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate } from '../router/navigation.ts';
import { href } from '../router/routes.ts';
import { setFlash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { jobLabel, stateColor } from './DepositPage.tsx';
import { usePageTitle } from './usePageTitle.ts';

/** How often a queued or running job is asked for again. */
const POLL_MS = 1_000;

export function DepositJobPage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t, language } = useI18n();
  const [load, reload] = useLoad((signal) => getDepositJob(tenant.slug, id, language, signal), [tenant.slug, id, language]);
  const job = load.status === 'ready' ? load.data : undefined;
  usePageTitle(job ? jobLabel(t, job) : t('deposit.title'), tenant.name);
  const busy = job?.state === 'queued' || job?.state === 'running';
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, job, reload]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ErrorState error={load.error} onRetry={reload} tenant={tenant} />;
  const j = load.data;
  return (
    <section className="stack">
      <Paragraph data-size="sm">
        <AppLink href={href({ name: 'deposit', tenant: tenant.slug })}>{t('deposit.back')}</AppLink>
      </Paragraph>
      <PageHeading>{jobLabel(t, j)}</PageHeading>
      <FlashMessage />
      <div className="button-row">
        <Tag data-color={stateColor[j.state]}>{t(`deposit.state.${j.state}`)}</Tag>
        <Paragraph data-size="sm">{t('deposit.job.started', { when: formatDateTime(language, j.createdAt), who: j.createdBy })}</Paragraph>
      </div>
      {busy && <ProgressView job={j} />}
      {j.state === 'failed' && (
        <Alert data-color="danger">
          <Paragraph>{t('deposit.job.failed', { error: j.error ?? '' })}</Paragraph>
        </Alert>
      )}
      {j.warnings.length > 0 && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('deposit.job.warnings')}
          </Heading>
          <ul>
            {j.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
      {j.kind === 'export' && j.state === 'done' && <ExportResult tenant={tenant} job={j} />}
      {j.kind === 'verification' && j.report && <ReportView job={j} />}
      {j.kind === 'verification' && j.exportJobId && (
        <Paragraph data-size="sm">
          <AppLink href={href({ name: 'depositJob', tenant: tenant.slug, id: j.exportJobId })}>{t('deposit.report.ofExport')}</AppLink>
        </Paragraph>
      )}
    </section>
  );
}

function ProgressView({ job }: { job: DepositJob }) {
  const { t, language } = useI18n();
  const p = job.progress;
  const phase = p.phase ?? t('deposit.progress.waiting');
  const counts = p.total ? t('deposit.progress.countOf', { done: formatNumber(language, p.done), total: formatNumber(language, p.total) }) : formatNumber(language, p.done);
  return (
    <Card>
      <div className="stack">
        <Heading level={2} data-size="xs" id="deposit-progress">
          {t('deposit.progress.heading')}
        </Heading>
        {/* The figures are read out as they change; the bar is for the eye. */}
        <Paragraph role="status" aria-live="polite">
          {job.state === 'queued' ? t('deposit.progress.queued') : t('deposit.progress.line', { phase, counts, rate: formatNumber(language, Math.round(p.rate)) })}
        </Paragraph>
        {job.state === 'running' && <progress className="deposit-progress" aria-labelledby="deposit-progress" max={p.total || undefined} value={p.total ? p.done : undefined} />}
      </div>
    </Card>
  );
}

/** What a package holds, by format, in the order an archivist reads it. */
const countKeys = {
  noark5: ['mappe', 'registrering', 'journalposter', 'dokumentobjekt', 'files', 'endring'],
  fgs: ['caseFiles', 'records', 'files', 'restricted'],
} as const;

function ExportResult({ tenant, job }: { tenant: Tenant; job: DepositJob }) {
  const { t, language } = useI18n();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const counts = countKeys[job.format].flatMap((key) => (typeof job.counts?.[key] === 'number' ? [[key, job.counts[key] as number] as const] : []));
  async function verify() {
    setBusy(true);
    setError(undefined);
    try {
      const started = await startDepositVerification(tenant.slug, job.id);
      setFlash({ kind: 'success', text: t('deposit.report.started') });
      navigate(href({ name: 'depositJob', tenant: tenant.slug, id: started.id }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e)));
      setBusy(false);
    }
  }
  return (
    <section className="stack" aria-labelledby="deposit-result">
      <Heading level={2} data-size="sm" id="deposit-result">
        {t('deposit.result.heading')}
      </Heading>
      <dl className="details-list">
        {counts.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`deposit.count.${key}`)}</dt>
            <dd>{formatNumber(language, value)}</dd>
          </div>
        ))}
      </dl>
      {error && <ErrorState error={error} tenant={tenant} inline />}
      <div className="button-row">
        {job.downloadUrl && (
          <Button asChild variant="secondary">
            <a href={job.downloadUrl} download>
              {t('deposit.result.download')}
            </a>
          </Button>
        )}
        {job.format === 'noark5' && (
          <Button onClick={() => void verify()} disabled={busy}>
            {t('deposit.result.verify')}
          </Button>
        )}
      </div>
    </section>
  );
}

const checkColor: Record<CheckStatus, string> = { passed: 'success', failed: 'danger', deviation: 'warning', 'not-applicable': 'neutral', 'not-run': 'warning' };

function where(t: ReturnType<typeof useI18n>['t'], f: ReportFinding): string {
  const parts = [f.file && t('deposit.report.file', { file: f.file }), f.element && t('deposit.report.element', { element: f.element }), f.line && t('deposit.report.line', { line: f.line })].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function ReportView({ job }: { job: DepositJob }) {
  const { t } = useI18n();
  const report = job.report!;
  const failed = report.checks.filter((c) => c.status === 'failed').length;
  return (
    <section className="stack" aria-labelledby="deposit-report">
      <Heading level={2} data-size="sm" id="deposit-report">
        {t('deposit.report.heading')}
      </Heading>
      <Alert data-color={report.passed ? 'success' : 'danger'}>
        <Paragraph>{report.passed ? t('deposit.report.summaryPassed', { checks: report.checks.length }) : t('deposit.report.summaryFailed', { failed, checks: report.checks.length })}</Paragraph>
      </Alert>
      <ul className="stack deposit-checks" aria-labelledby="deposit-report">
        {report.checks.map((c) => (
          <CheckItem key={c.id} check={c} where={(f) => where(t, f)} />
        ))}
      </ul>
    </section>
  );
}

function CheckItem({ check: c, where }: { check: ReportCheck; where: (f: ReportFinding) => string }) {
  const { t } = useI18n();
  return (
    <li>
      <div className="button-row">
        <Tag data-color={checkColor[c.status]} data-size="sm">
          {c.statusText}
        </Tag>
        <span>
          <strong>{c.id}</strong> {c.title}
        </span>
      </div>
      {c.findings.length > 0 && (
        <ul>
          {c.findings.map((f, i) => (
            <li key={i}>
              {f.text}
              {where(f)}
            </li>
          ))}
          {c.omitted > 0 && <li>{t('deposit.report.omitted', { count: c.omitted })}</li>}
        </ul>
      )}
      {c.facts.length > 0 && (
        <ul className="deposit-facts">
          {c.facts.map((f, i) => (
            <li key={i}>
              {f.text}
              {where(f)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
