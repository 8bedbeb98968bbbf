// SPDX-License-Identifier: EUPL-1.2
// One meeting on the member's tablet (issue 11 §3–§4): the whole agenda (closed items too) with
// each item's papers opening in the browser, the item under discussion highlighted (asked for again
// every 15 seconds), the proposals put forward, my private notes, absence and substitute calls.
// Each opening saves the agenda and papers for reading without a connection (offline.ts).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatDateTime, formatFileSize } from '../../../src/common/format.ts';
import { answerSubstituteCall, documentPath, getWorkspaceMeeting, reportAbsence, type WorkspaceDocument, type WorkspaceItem, type WorkspaceMeeting } from '../api/workspace.ts';
import type { Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePageTitle } from '../pages/usePageTitle.ts';
import { href } from '../router/routes.ts';
import type { Flash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { useSubmit } from '../council/useSubmit.ts';
import { browserDeps, documentBlob, loadMeeting, saveForOffline, saveTenant } from './offline.ts';
import { NotesPanel } from './NotesPanel.tsx';
import { registerWorkspaceWorker } from './serviceWorker.ts';

/** How often the item under discussion is asked for again. */
export const POLL_MS = 15_000;

/** `onOnline`: called when the server answers again (a page opened from the offline shell reloads then, to get a session). */
export function WorkspaceMeetingPage({ tenant, id, onOnline }: { tenant: Tenant; id: string; onOnline?: () => void }) {
  const { t, language } = useI18n();
  const [deps] = useState(browserDeps);
  const [data, reload] = useLoad(async (signal) => {
    const loaded = await loadMeeting(deps, tenant.slug, id, () => getWorkspaceMeeting(tenant.slug, id, signal));
    if (deps && !loaded.offline) await saveTenant(deps, tenant).catch(() => undefined);
    return loaded;
  }, [tenant.slug, id]);
  const [flash, setFlash] = useState<Flash | undefined>();
  const saving = useSubmit();
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    // The browser says when the connection goes or comes back: the page asks at once, so the member
    // sees "no connection" (or the server's answer again) then, not up to a poll later.
    window.addEventListener('offline', reload);
    window.addEventListener('online', reload);
    return () => {
      clearInterval(timer);
      window.removeEventListener('offline', reload);
      window.removeEventListener('online', reload);
    };
  }, [reload]);
  // The worker that lets this page be reloaded without a network (sw.js).
  useEffect(registerWorkspaceWorker, []);
  // Only a change from the saved copy to the server's answer counts: never a reload loop.
  const wasOffline = useRef(false);
  useEffect(() => {
    if (data.status !== 'ready') return;
    if (data.data.offline) wasOffline.current = true;
    else if (wasOffline.current) {
      wasOffline.current = false;
      onOnline?.();
    }
  }, [data, onOnline]);
  const meeting = data.status === 'ready' ? data.data.meeting : undefined;
  const title = meeting ? t('workspace.meeting.title', { body: meeting.bodyName, date: formatDateTime(language, meeting.startsAt) }) : t('workspace.title');
  usePageTitle(title, tenant.name);
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={reload} tenant={tenant} />;
  const { savedAt, offline, documentsSaved } = data.data;
  const m = data.data.meeting;
  const changed = (text: string) => {
    setFlash({ kind: 'success', text });
    reload();
  };
  const openDocument = (doc: WorkspaceDocument) => {
    // Without the Cache API (an old browser) the paper opens straight from the server.
    if (!deps) {
      window.open(documentPath(tenant.slug, doc.id), '_blank', 'noopener');
      return;
    }
    // The window opens within the tap (a later one would be a blocked pop-up); the paper follows.
    const target = window.open('', '_blank');
    documentBlob(deps, tenant.slug, doc.id).then(
      (blob) => {
        const url = URL.createObjectURL(blob);
        if (target) target.location.href = url;
        else location.assign(url);
      },
      () => {
        target?.close();
        setFlash({ kind: 'danger', text: t('workspace.document.failed') });
      },
    );
  };
  return (
    <section className="stack workspace-meeting">
      <AppLink href={href({ name: 'workspace', tenant: tenant.slug })}>{t('workspace.meeting.back')}</AppLink>
      <PageHeading>{title}</PageHeading>
      <FlashMessage flash={flash} />
      <OfflineStatus deps={Boolean(deps)} offline={offline} savedAt={savedAt} count={documentsSaved} />
      {deps && !offline && (
        <div className="button-row">
          <Button variant="tertiary" data-size="sm" aria-disabled={saving.busy || undefined} onClick={() => void saving.run(async () => { await saveForOffline(deps, tenant.slug, m, { all: true }); reload(); })}>
            {t('workspace.offline.saveAgain')}
          </Button>
        </div>
      )}
      <Card data-color="neutral">
        <Paragraph>
          <Tag data-color={m.role === 'member' ? 'neutral' : 'info'}>{t(`workspace.role.${m.role}`)}</Tag>{' '}
          {m.location && t('workspace.meeting.at', { location: m.location })}
        </Paragraph>
        {m.myAttendance?.status === 'absent' && <Paragraph>{t('workspace.absence.reported', { date: formatDateTime(language, m.myAttendance.reportedAt) })}</Paragraph>}
      </Card>
      <Calls tenant={tenant} meeting={m} offline={offline} onChanged={changed} />
      {m.canReportAbsence && !offline && <AbsenceForm tenant={tenant} meeting={m} onReported={changed} />}
      <section className="stack" aria-labelledby="workspace-agenda">
        <Heading level={2} data-size="sm" id="workspace-agenda">
          {t('workspace.agenda')}
        </Heading>
        {!m.agendaSent && <Paragraph>{t('workspace.agendaNotSent')}</Paragraph>}
        <ol className="stack workspace-agenda">
          {m.items.map((item) => (
            <li key={item.id}>
              <AgendaItem tenant={tenant} item={item} current={item.id === m.currentItemId} offline={offline} onOpen={openDocument} onChanged={changed} />
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

function OfflineStatus({ deps, offline, savedAt, count }: { deps: boolean; offline: boolean; savedAt: string | null; count: number }) {
  const { t, language } = useI18n();
  if (!deps) return <Paragraph data-size="sm">{t('workspace.offline.unavailable')}</Paragraph>;
  const time = formatDateTime(language, savedAt);
  if (offline)
    return (
      <Alert data-color="warning" role="status">
        <Paragraph>{t('workspace.offline.offline', { time })}</Paragraph>
      </Alert>
    );
  return <Paragraph data-size="sm" role="status">{t('workspace.offline.saved', { count, time })}</Paragraph>;
}

function AgendaItem({ tenant, item, current, offline, onOpen, onChanged }: {
  tenant: Tenant; item: WorkspaceItem; current: boolean; offline: boolean; onOpen: (doc: WorkspaceDocument) => void; onChanged: (text: string) => void;
}) {
  const { t, language } = useI18n();
  return (
    <Card data-color={current ? 'accent' : 'neutral'} className={current ? 'workspace-item workspace-item-current' : 'workspace-item'} aria-current={current ? 'true' : undefined}>
      <Heading level={3} data-size="xs" id={`item-${item.id}`}>
        {`${item.itemNumber} ${item.title}`}
      </Heading>
      {current && <Tag data-color="accent">{t('workspace.item.current')}</Tag>}
      {item.closed && <Paragraph data-size="sm">{t('workspace.item.closed', { basis: item.closedLegalBasis ?? '' })}</Paragraph>}
      <Heading level={4} data-size="2xs">{t('workspace.item.documents')}</Heading>
      {item.documents.length === 0 ? (
        <Paragraph data-size="sm">{t('workspace.item.noDocuments')}</Paragraph>
      ) : (
        <ul className="stack">
          {item.documents.map((doc) => (
            <li key={doc.id}>
              <a className="workspace-document" href={documentPath(tenant.slug, doc.id)} target="_blank" rel="noopener" onClick={(event) => { event.preventDefault(); onOpen(doc); }}>
                {t('workspace.document.open', { title: doc.title, size: formatFileSize(language, doc.size) })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {item.proposals.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">{t('workspace.item.proposals')}</Heading>
          <ul>
            {item.proposals.map((p) => <li key={p.position}>{p.text}</li>)}
          </ul>
        </>
      )}
      {item.decisionText && <Paragraph>{t('workspace.item.decision', { text: item.decisionText })}</Paragraph>}
      <NotesPanel tenant={tenant} item={item} offline={offline} onChanged={onChanged} />
    </Card>
  );
}

function AbsenceForm({ tenant, meeting, onReported }: { tenant: Tenant; meeting: WorkspaceMeeting; onReported: (text: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const submit = useSubmit('absence');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const result = await reportAbsence(tenant.slug, meeting.id, reason);
      onReported(result.substituteCall ? t('workspace.absence.called', { name: result.substituteCall.substituteName }) : t('workspace.absence.noSubstitute'));
    });
  }
  return (
    <section className="stack" aria-labelledby="workspace-absence">
      <Heading level={2} data-size="sm" id="workspace-absence">
        {t('workspace.absence.heading')}
      </Heading>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={submit.errors} code={submit.code} fields={{ 'absence.reason': t('workspace.absence.reason') }} />
        <FormField field="absence.reason" label={t('workspace.absence.reason')} description={t('workspace.absence.reasonHint')} value={reason} onChange={setReason} errors={submit.errors} required />
        <div className="button-row">
          <Button type="submit" variant="secondary" aria-disabled={submit.busy || undefined}>
            {t('workspace.absence.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Calls({ tenant, meeting, offline, onChanged }: { tenant: Tenant; meeting: WorkspaceMeeting; offline: boolean; onChanged: (text: string) => void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  if (!meeting.substituteCalls.length) return null;
  const mine = (personId: string) => meeting.myPersonIds.includes(personId);
  return (
    <section className="stack" aria-labelledby="workspace-calls">
      <Heading level={2} data-size="sm" id="workspace-calls">
        {t('workspace.calls.heading')}
      </Heading>
      <FormErrorSummary errors={submit.errors} code={submit.code} fields={{}} />
      <ul className="stack">
        {meeting.substituteCalls.map((call) => (
          <li key={call.id}>
            <Paragraph>
              {mine(call.substitutePersonId) ? t('workspace.calls.toMe', { name: call.absentName }) : t('workspace.calls.forMe', { name: call.substituteName })}{' '}
              <Tag data-color={call.status === 'accepted' ? 'success' : call.status === 'declined' ? 'danger' : 'info'}>{t(`workspace.calls.status.${call.status}`)}</Tag>
            </Paragraph>
            {mine(call.substitutePersonId) && call.status === 'called' && !offline && (
              <div className="button-row">
                <Button aria-disabled={submit.busy || undefined} onClick={() => void submit.run(async () => { await answerSubstituteCall(tenant.slug, call.id, true); onChanged(t('workspace.calls.answered')); })}>
                  {t('workspace.calls.accept')}
                </Button>
                <Button variant="secondary" aria-disabled={submit.busy || undefined} onClick={() => void submit.run(async () => { await answerSubstituteCall(tenant.slug, call.id, false); onChanged(t('workspace.calls.answered')); })}>
                  {t('workspace.calls.decline')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
