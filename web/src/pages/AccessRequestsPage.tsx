// SPDX-License-Identifier: EUPL-1.2
// The access-request queue (innsynskrav): the open requests of my units or the whole municipality,
// overdue first, then by deadline; each with the entries asked for and a decision form: grant,
// grant in part with the redacted copy, or refuse with the legal basis. The decision is registered
// in the archive by the server; the requester is told.
import { useState, type FormEvent } from 'react';
import { Button, Card, Fieldset, Heading, Paragraph, Radio, Switch, Tag } from '@digdir/designsystemet-react';
import type { Tenant } from '../api/types.ts';
import { ApiError } from '../api/problem.ts';
import { decideAccessRequest, fileAsBase64, listAccessRequests, startAccessRequest, type AccessOutcome, type AccessRequest } from '../api/accessRequests.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { usePageTitle } from './usePageTitle.ts';

export function AccessRequestsPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  usePageTitle(t('access.title'), tenant.name);
  const [mine, setMine] = useState(false);
  const [status, setStatus] = useState<'open' | 'decided'>('open');
  const [load, reload] = useLoad((signal) => listAccessRequests(tenant.slug, { status, myUnits: mine }, signal), [tenant.slug, status, mine]);
  return (
    <section className="stack">
      <PageHeading>{t('access.title')}</PageHeading>
      <Paragraph>{t('access.intro')}</Paragraph>
      <div className="button-row">
        <Switch label={t('access.myUnits')} checked={mine} onChange={(event) => setMine(event.target.checked)} />
        <Switch label={t('access.showDecided')} checked={status === 'decided'} onChange={(event) => setStatus(event.target.checked ? 'decided' : 'open')} />
      </div>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <ErrorState error={load.error} onRetry={reload} tenant={tenant} inline />}
      {load.status === 'ready' && (
        <>
          <Paragraph role="status">{t('access.count', { count: load.data.total })}</Paragraph>
          <ul className="stack" aria-label={t('access.title')}>
            {load.data.items.map((r) => (
              <li key={r.id}>
                <RequestCard tenant={tenant} request={r} onChanged={reload} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RequestCard({ tenant, request, onChanged }: { tenant: Tenant; request: AccessRequest; onChanged: () => void }) {
  const { t } = useI18n();
  const headingId = `access-${request.id}`;
  return (
    <Card data-color={request.overdue ? 'danger' : 'neutral'} aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {request.kind === 'appeal' ? t('access.appeal') : t('access.request')} – {request.entries.map((e) => e.registryNumber).join(', ')}
      </Heading>
      <div className="button-row">
        <Tag data-color={request.overdue ? 'danger' : request.status === 'decided' ? 'success' : 'info'}>{request.overdue ? t('access.overdue') : t(`access.status.${request.status}`)}</Tag>
        {request.deadline && <Paragraph data-size="sm">{t('access.deadline', { date: request.deadline })}</Paragraph>}
        {request.source === 'einnsyn' && <Tag data-color="neutral">eInnsyn</Tag>}
      </div>
      <Paragraph data-size="sm">
        {t('access.requester', { who: request.requesterName ?? request.requesterEmail ?? '–' })}
        {request.unitName ? ` · ${request.unitName}` : ''}
      </Paragraph>
      {request.appealReason && <Paragraph data-size="sm">{t('access.appealReason', { reason: request.appealReason })}</Paragraph>}
      <ul>
        {request.entries.map((e) => (
          <li key={e.registryEntryId}>
            <AppLink href={href({ name: 'entryView', tenant: tenant.slug, id: e.registryEntryId })}>
              {e.registryNumber} {e.publicTitle}
            </AppLink>
          </li>
        ))}
      </ul>
      {request.status === 'decided' ? (
        <Paragraph>
          {t(`access.outcome.${request.outcome!}`)}
          {request.legalBasis ? ` (${request.legalBasis})` : ''}
          {request.decisionEntryId && (
            <>
              {' · '}
              <AppLink href={href({ name: 'entryView', tenant: tenant.slug, id: request.decisionEntryId })}>{t('access.onRecord')}</AppLink>
            </>
          )}
        </Paragraph>
      ) : (
        <DecisionForm tenant={tenant} request={request} onDone={onChanged} />
      )}
    </Card>
  );
}

function DecisionForm({ tenant, request, onDone }: { tenant: Tenant; request: AccessRequest; onDone: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<AccessOutcome>('granted');
  const [legalBasis, setLegalBasis] = useState('');
  const [explanation, setExplanation] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const prefix = `d-${request.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const redactedCopies = outcome === 'partly-granted' && file ? [{ fileName: file.name, mimeType: file.type || 'application/octet-stream', content: await fileAsBase64(file) }] : undefined;
      await decideAccessRequest(tenant.slug, request.id, { outcome, ...(legalBasis.trim() ? { legalBasis } : {}), ...(explanation.trim() ? { explanation } : {}), ...(redactedCopies ? { redactedCopies } : {}) });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack" aria-label={t('access.decide')}>
      <FormErrorSummary errors={error?.errors ?? []} code={error && !error.errors.length ? error.code : undefined} fields={{ legalBasis: t('access.legalBasis'), redactedCopies: t('access.redactedCopy'), explanation: t('access.explanation') }} />
      {request.status === 'received' && (
        <div>
          <Button variant="secondary" type="button" onClick={() => void startAccessRequest(tenant.slug, request.id).then(onDone)}>
            {t('access.start')}
          </Button>
        </div>
      )}
      <Fieldset>
        <Fieldset.Legend>{t('access.decide')}</Fieldset.Legend>
        {(['granted', 'partly-granted', 'refused'] as const).map((o) => (
          <Radio key={o} name={`${prefix}-outcome`} value={o} label={t(`access.outcome.${o}`)} checked={outcome === o} onChange={() => setOutcome(o)} />
        ))}
      </Fieldset>
      {outcome !== 'granted' && <FormField field="legalBasis" label={t('access.legalBasis')} value={legalBasis} onChange={setLegalBasis} errors={error?.errors ?? []} required description={t('access.legalBasisHint')} />}
      {outcome === 'partly-granted' && (
        <div className="ds-field">
          <label className="ds-label" htmlFor={`${prefix}-file`}>
            {t('access.redactedCopy')}
          </label>
          <input className="ds-input" id={`${prefix}-file`} type="file" onChange={(event) => setFile(event.target.files?.[0])} />
        </div>
      )}
      <FormField field="explanation" label={t('access.explanation')} value={explanation} onChange={setExplanation} errors={error?.errors ?? []} multiline />
      <div>
        <Button type="submit" disabled={busy}>
          {t('access.send')}
        </Button>
      </div>
    </form>
  );
}
