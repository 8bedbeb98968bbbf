// SPDX-License-Identifier: EUPL-1.2
// One political body: its members by role with the substitutes in their order (the order they are
// called in), adding a member, and the meeting plan (møteplan / sammanträdesplan) for a year with a
// form to plan a meeting.
import { useState, type FormEvent } from 'react';
import { Button, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { formatDateTime } from '../../../src/common/format.ts';
import {
  createCouncilMeeting,
  createCouncilMembership,
  listCouncilBodies,
  listCouncilMeetings,
  listCouncilMemberships,
  listCouncilParties,
  listCouncilPersons,
  listCouncilTerms,
  membershipRoles,
  type CouncilMembership,
  type CouncilParty,
  type CouncilPerson,
  type CouncilTerm,
  type MembershipRole,
} from '../api/council.ts';
import type { Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { FormField } from '../components/FormField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { TableScroll } from './TableScroll.tsx';
import { href } from '../router/routes.ts';
import type { Flash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { usePageTitle } from '../pages/usePageTitle.ts';
import { sortMembers } from './meeting.ts';
import { personName, useSubmit } from './useSubmit.ts';

interface Roster { terms: CouncilTerm[]; parties: CouncilParty[]; persons: CouncilPerson[]; memberships: CouncilMembership[] }

export function BodyPage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t } = useI18n();
  const [bodies] = useLoad((signal) => listCouncilBodies(tenant.slug, signal), [tenant.slug]);
  const [roster, reload] = useLoad(
    async (signal): Promise<Roster> => {
      const [terms, parties, persons, memberships] = await Promise.all([
        listCouncilTerms(tenant.slug, signal),
        listCouncilParties(tenant.slug, signal),
        listCouncilPersons(tenant.slug, signal),
        listCouncilMemberships(tenant.slug, id, signal),
      ]);
      return { terms: terms.items, parties: parties.items, persons: persons.items, memberships: memberships.items };
    },
    [tenant.slug, id],
  );
  const body = bodies.status === 'ready' ? bodies.data.items.find((b) => b.id === id) : undefined;
  usePageTitle(body?.name ?? t('council.title'), tenant.name);
  const [flash, setFlash] = useState<Flash | undefined>();
  return (
    <section className="stack">
      <AppLink href={href({ name: 'council', tenant: tenant.slug })}>{t('council.back')}</AppLink>
      <PageHeading>{body?.name ?? t('council.title')}</PageHeading>
      <FlashMessage flash={flash} />
      <section className="stack" aria-labelledby="body-members">
        <Heading level={2} data-size="sm" id="body-members">
          {t('council.members.heading')}
        </Heading>
        {roster.status === 'loading' && <Loading />}
        {roster.status === 'error' && <ErrorState error={roster.error} onRetry={reload} tenant={tenant} inline />}
        {roster.status === 'ready' && (
          <>
            <Members roster={roster.data} bodyName={body?.name ?? ''} />
            <AddMember
              tenant={tenant}
              bodyId={id}
              roster={roster.data}
              onAdded={(name) => {
                setFlash({ kind: 'success', text: t('council.members.added', { name }) });
                reload();
              }}
            />
          </>
        )}
      </section>
      <MeetingPlan tenant={tenant} bodyId={id} onPlanned={(text) => setFlash({ kind: 'success', text })} />
    </section>
  );
}

function Members({ roster, bodyName }: { roster: Roster; bodyName: string }) {
  const { t } = useI18n();
  const persons = new Map(roster.persons.map((p) => [p.id, p]));
  const parties = new Map(roster.parties.map((p) => [p.id, p]));
  if (roster.memberships.length === 0) return <Paragraph>{t('council.members.empty')}</Paragraph>;
  return (
    <TableScroll label={t('council.members.caption', { body: bodyName })}>
      <Table>
        <caption className="visually-hidden">{t('council.members.caption', { body: bodyName })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('council.members.person')}</Table.HeaderCell>
            <Table.HeaderCell>{t('council.members.party')}</Table.HeaderCell>
            <Table.HeaderCell>{t('council.members.role')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {sortMembers(roster.memberships, persons).map((m) => {
            const person = persons.get(m.personId);
            const party = parties.get(m.partyId ?? person?.partyId ?? '');
            return (
              <Table.Row key={m.id}>
                <Table.Cell>{personName(person)}</Table.Cell>
                <Table.Cell>{party ? `${party.name} (${party.code})` : ''}</Table.Cell>
                <Table.Cell>{m.role === 'substitute' ? t('council.members.substituteNo', { order: m.substituteOrder ?? '' }) : t(`council.role.${m.role}`)}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function AddMember({ tenant, bodyId, roster, onAdded }: { tenant: Tenant; bodyId: string; roster: Roster; onAdded: (name: string) => void }) {
  const { t } = useI18n();
  const [personId, setPersonId] = useState(roster.persons[0]?.id ?? '');
  const [termId, setTermId] = useState(roster.terms.at(-1)?.id ?? '');
  const [role, setRole] = useState<MembershipRole>('member');
  const [order, setOrder] = useState('1');
  const submit = useSubmit();
  if (roster.terms.length === 0 || roster.persons.length === 0) return <Paragraph>{t('council.members.noTerm')}</Paragraph>;
  const names = new Map(roster.persons.map((p) => [p.id, personName(p)]));
  const fields = { personId: t('council.members.person'), termId: t('council.members.term'), role: t('council.members.role'), substituteOrder: t('council.members.order') };
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const person = roster.persons.find((p) => p.id === personId);
    await submit.run(async () => {
      await createCouncilMembership(tenant.slug, bodyId, {
        personId,
        termId,
        role,
        ...(person?.partyId ? { partyId: person.partyId } : {}),
        ...(role === 'substitute' ? { substituteOrder: Number(order) } : {}),
      });
      onAdded(names.get(personId) ?? '');
    });
  }
  return (
    <Details>
      <Details.Summary>{t('council.members.add')}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={onSubmit} noValidate>
          <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
          <SelectField field="personId" label={fields.personId} value={personId} options={roster.persons.map((p) => p.id)} optionLabel={(p) => names.get(p) ?? p} onChange={setPersonId} errors={submit.errors} />
          <SelectField field="termId" label={fields.termId} value={termId} options={roster.terms.map((x) => x.id)} optionLabel={(x) => roster.terms.find((y) => y.id === x)?.name ?? x} onChange={setTermId} errors={submit.errors} />
          <SelectField field="role" label={fields.role} value={role} options={membershipRoles} optionLabel={(r) => t(`council.role.${r}`)} onChange={setRole} errors={submit.errors} />
          {role === 'substitute' && <FormField field="substituteOrder" label={fields.substituteOrder} inputMode="numeric" value={order} onChange={setOrder} errors={submit.errors} required />}
          <div className="button-row">
            <Button type="submit" aria-disabled={submit.busy || undefined}>
              {t('council.members.add')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

function MeetingPlan({ tenant, bodyId, onPlanned }: { tenant: Tenant; bodyId: string; onPlanned: (text: string) => void }) {
  const { t, language } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const [meetings, reload] = useLoad((signal) => listCouncilMeetings(tenant.slug, { body: bodyId, from: `${year}-01-01T00:00:00Z`, to: `${year + 1}-01-01T00:00:00Z` }, signal), [tenant.slug, bodyId, year]);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('18:00');
  const [location, setLocation] = useState('');
  const submit = useSubmit();
  const fields = { startsAt: t('council.meeting.date'), time: t('council.meeting.time'), location: t('council.meeting.location') };
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The date field is ISO (yyyy-mm-dd) from the browser's own date picker, the time hh:mm local.
    const startsAt = new Date(`${date}T${time}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(startsAt.getTime())) {
      submit.fail([{ field: 'startsAt', code: 'invalidDate', message: 'not a date' }]);
      return;
    }
    const ok = await submit.run(async () => {
      await createCouncilMeeting(tenant.slug, { bodyId, startsAt: startsAt.toISOString(), ...(location ? { location } : {}) });
    });
    if (ok) {
      onPlanned(t('council.meeting.created', { date: formatDateTime(language, startsAt) }));
      setYear(startsAt.getFullYear());
      reload();
    }
  }
  return (
    <section className="stack" aria-labelledby="body-plan">
      <Heading level={2} data-size="sm" id="body-plan">
        {t('council.plan.heading', { year })}
      </Heading>
      <div className="button-row">
        <Button variant="tertiary" data-size="sm" onClick={() => setYear(year - 1)}>
          {t('council.plan.year', { year: year - 1 })}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => setYear(year + 1)}>
          {t('council.plan.year', { year: year + 1 })}
        </Button>
      </div>
      {meetings.status === 'loading' && <Loading />}
      {meetings.status === 'error' && <ErrorState error={meetings.error} onRetry={reload} tenant={tenant} inline />}
      {meetings.status === 'ready' && meetings.data.items.length === 0 && <Paragraph>{t('council.plan.empty')}</Paragraph>}
      {meetings.status === 'ready' && meetings.data.items.length > 0 && (
        <ul className="stack">
          {meetings.data.items.map((m) => (
            <li key={m.id}>
              <AppLink href={href({ name: 'councilMeeting', tenant: tenant.slug, id: m.id })}>{formatDateTime(language, m.startsAt)}</AppLink>
              {m.location ? ` – ${m.location} ` : ' '}
              <Tag data-size="sm" data-color={m.status === 'cancelled' ? 'danger' : m.status === 'held' ? 'success' : 'info'}>
                {t(`council.status.${m.status}`)}
              </Tag>
            </li>
          ))}
        </ul>
      )}
      <Details>
        <Details.Summary>{t('council.meeting.create')}</Details.Summary>
        <Details.Content>
          <form className="stack" onSubmit={onSubmit} noValidate>
            <FormErrorSummary errors={submit.errors} code={submit.code} fields={fields} />
            <FormField field="startsAt" label={fields.startsAt} type="date" value={date} onChange={setDate} errors={submit.errors} required />
            <FormField field="time" label={fields.time} value={time} onChange={setTime} errors={submit.errors} inputMode="numeric" required />
            <FormField field="location" label={fields.location} value={location} onChange={setLocation} errors={submit.errors} />
            <div className="button-row">
              <Button type="submit" aria-disabled={submit.busy || undefined}>
                {t('council.meeting.create')}
              </Button>
            </div>
          </form>
        </Details.Content>
      </Details>
    </section>
  );
}
