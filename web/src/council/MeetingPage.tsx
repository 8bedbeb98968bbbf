// SPDX-License-Identifier: EUPL-1.2
// The meeting workspace: the meeting's facts and next steps (publish the summons, mark it held,
// cancel it), the agenda, the roll call, recording each item, video addresses, and the minutes.
// Everything comes from getCouncilMeeting; each change reloads it, so the screen shows what the
// server holds and the `actions` it allows now.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Field, Heading, Label, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { formatDateTime } from '../../../src/common/format.ts';
import {
  cancelCouncilMeeting,
  getCouncilMeeting,
  listCouncilBodies,
  listCouncilMemberships,
  listCouncilParties,
  listCouncilPersons,
  markMeetingHeld,
  publishSummons,
  updateCouncilMeeting,
  type Meeting,
} from '../api/council.ts';
import type { Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import type { Flash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { usePageTitle } from '../pages/usePageTitle.ts';
import { AgendaSection } from './AgendaSection.tsx';
import { AttendanceSection } from './AttendanceSection.tsx';
import { ItemRecord } from './ItemRecord.tsx';
import { MinutesSection } from './MinutesSection.tsx';
import { allowed, type MeetingRoster } from './meeting.ts';
import { useSubmit } from './useSubmit.ts';
import { CurrentItemSection, SubstituteCallsSection } from '../workspace/SecretariatSections.tsx';


interface Loaded { meeting: Meeting; roster: MeetingRoster }

async function load(tenant: string, id: string, signal: AbortSignal): Promise<Loaded> {
  const meeting = await getCouncilMeeting(tenant, id, signal);
  const [bodies, persons, parties, memberships] = await Promise.all([
    listCouncilBodies(tenant, signal),
    listCouncilPersons(tenant, signal),
    listCouncilParties(tenant, signal),
    listCouncilMemberships(tenant, meeting.bodyId, signal),
  ]);
  return {
    meeting,
    roster: {
      bodyName: meeting.body?.name ?? bodies.items.find((b) => b.id === meeting.bodyId)?.name ?? '',
      persons: new Map(persons.items.map((p) => [p.id, p])),
      parties: new Map(parties.items.map((p) => [p.id, p])),
      // Only memberships that have not ended take part in the roll call.
      memberships: memberships.items.filter((m) => !m.endsOn || m.endsOn >= meeting.startsAt.slice(0, 10)),
    },
  };
}


export function MeetingPage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t, language } = useI18n();
  const [data, reload] = useLoad((signal) => load(tenant.slug, id, signal), [tenant.slug, id]);
  const [flash, setFlash] = useState<Flash | undefined>();
  const [current, setCurrent] = useState<string | undefined>();
  const step = useSubmit();
  const meeting = data.status === 'ready' ? data.data.meeting : undefined;
  const title = meeting && data.status === 'ready' ? t('council.meeting.title', { body: data.data.roster.bodyName, date: formatDateTime(language, meeting.startsAt) }) : t('council.title');
  usePageTitle(title, tenant.name);
  const changed = (text?: string) => {
    setFlash(text ? { kind: 'success', text } : undefined);
    reload();
  };
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={reload} tenant={tenant} />;
  const { roster } = data.data;
  const m = data.data.meeting;
  const present = m.attendance.filter((a) => a.status === 'present').map((a) => a.personId);
  const items = [...m.items].sort((a, b) => a.position - b.position);
  const item = items.find((i) => i.id === current) ?? items.find((i) => !i.decisionText) ?? items[0];
  const recording = m.status === 'summoned' || m.status === 'held';
  // Norway: the API refuses a summons after the body's publication day unless it is said to be late.
  const lateSummons = step.errors.some((e) => e.field === 'late');
  const act = (run: () => Promise<unknown>, text: string) => void step.run(async () => {
    await run();
    changed(text);
  });
  return (
    <section className="stack">
      {m.bodyId && <AppLink href={href({ name: 'councilBody', tenant: tenant.slug, id: m.bodyId })}>{t('council.meeting.back', { body: roster.bodyName })}</AppLink>}
      <PageHeading>{title}</PageHeading>
      <FlashMessage flash={flash} />
      <Card data-color="neutral">
        <Paragraph>
          <Tag data-color={m.status === 'cancelled' ? 'danger' : m.status === 'held' ? 'success' : 'info'}>{t(`council.status.${m.status}`)}</Tag>{' '}
          {m.open ? t('council.meeting.open') : t('council.meeting.closedMeeting')}
        </Paragraph>
        {m.location && <Paragraph>{t('council.meeting.at', { location: m.location })}</Paragraph>}
        {m.agendaPublicFrom && <Paragraph>{t('council.meeting.publicFrom', { date: formatDateTime(language, m.agendaPublicFrom) })}</Paragraph>}
      </Card>
      {lateSummons ? (
        <Alert data-color="warning">
          <Paragraph>{t('council.meeting.lateExplained')}</Paragraph>
        </Alert>
      ) : (
        <FormErrorSummary errors={step.errors} code={step.code} fields={{}} />
      )}
      <div className="button-row">
        {allowed(m, 'summon') && !lateSummons && (
          <Button aria-disabled={step.busy || undefined} onClick={() => act(() => publishSummons(tenant.slug, m.id), t('council.meeting.summoned'))}>
            {t('council.meeting.publishSummons')}
          </Button>
        )}
        {allowed(m, 'summon') && lateSummons && (
          <Button aria-disabled={step.busy || undefined} onClick={() => act(() => publishSummons(tenant.slug, m.id, true), t('council.meeting.summonedLate'))}>
            {t('council.meeting.publishLate')}
          </Button>
        )}
        {allowed(m, 'markHeld') && (
          <Button variant="secondary" aria-disabled={step.busy || undefined} onClick={() => act(() => markMeetingHeld(tenant.slug, m.id), t('council.meeting.held'))}>
            {t('council.meeting.markHeld')}
          </Button>
        )}
        {allowed(m, 'cancel') && (
          <Button variant="tertiary" data-color="danger" aria-disabled={step.busy || undefined} onClick={() => act(() => cancelCouncilMeeting(tenant.slug, m.id), t('council.meeting.cancelled'))}>
            {t('council.meeting.cancel')}
          </Button>
        )}
      </div>
      <AgendaSection tenant={tenant} meeting={m} onChanged={changed} />
      {m.status !== 'cancelled' && <SubstituteCallsSection key={JSON.stringify(m.attendance)} tenant={tenant} meetingId={m.id} />}
      {recording && items.length > 0 && <CurrentItemSection key={(m as { currentItemId?: string | null }).currentItemId ?? ''} tenant={tenant} meeting={{ ...m, items }} onChanged={changed} />}
      {recording && <AttendanceSection key={JSON.stringify(m.attendance)} tenant={tenant} meeting={m} roster={roster} onSaved={changed} />}
      {recording && item && (
        <section className="stack" aria-labelledby="meeting-items">
          <Heading level={2} data-size="sm" id="meeting-items">
            {t('council.item.choose')}
          </Heading>
          {present.length === 0 && <Paragraph>{t('council.item.noAttendance')}</Paragraph>}
          <Field>
            <Label>{t('council.item.current')}</Label>
            <Select value={item.id} onChange={(event) => setCurrent(event.target.value)}>
              {items.map((i) => (
                <Select.Option key={i.id} value={i.id}>
                  {`${i.itemNumber} ${i.title}${i.decisionText ? ` (${t('council.item.decided')})` : ''}`}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <ItemRecord key={item.id} tenant={tenant} item={item} roster={roster} present={present} onChanged={changed} />
        </section>
      )}
      {m.status !== 'cancelled' && <VideoLinks key={`${m.liveStreamUrl}|${m.recordingUrl}`} tenant={tenant} meeting={m} onSaved={changed} />}
      {m.status === 'held' && <MinutesSection tenant={tenant} meeting={m} roster={roster} onChanged={changed} />}
    </section>
  );
}

function VideoLinks({ tenant, meeting, onSaved }: { tenant: Tenant; meeting: Meeting; onSaved: (text: string) => void }) {
  const { t } = useI18n();
  const [live, setLive] = useState(meeting.liveStreamUrl ?? '');
  const [recording, setRecording] = useState(meeting.recordingUrl ?? '');
  const submit = useSubmit();
  const fields = { liveStreamUrl: t('council.meeting.liveStreamUrl'), recordingUrl: t('council.meeting.recordingUrl') };
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      await updateCouncilMeeting(tenant.slug, meeting.id, { liveStreamUrl: live || null, recordingUrl: recording || null });
      onSaved(t('council.meeting.videoSaved'));
    });
  }
  return (
    <section className="stack" aria-labelledby="meeting-video">
      <Heading level={2} data-size="sm" id="meeting-video">
        {t('council.meeting.video')}
      </Heading>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
        <FormField field="liveStreamUrl" label={fields.liveStreamUrl} value={live} onChange={setLive} errors={submit.errors} />
        <FormField field="recordingUrl" label={fields.recordingUrl} value={recording} onChange={setRecording} errors={submit.errors} />
        <div className="button-row">
          <Button type="submit" variant="secondary" aria-disabled={submit.busy || undefined}>
            {t('council.meeting.saveVideo')}
          </Button>
        </div>
      </form>
    </section>
  );
}
