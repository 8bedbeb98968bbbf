// SPDX-License-Identifier: EUPL-1.2
// The council's overview pages: the meeting calendar per month (filtered by body), a body with its
// members by role and party and substitutes in order, a politician, the search and the notice board.
import { formatDate } from '../../site/service.ts';
import type { Body, Item, Meeting, Membership, Notice, Party, Person } from '../repository.ts';
import { FollowSection } from './FollowForm.tsx';
import { base, CouncilLayout, formatDateTime, partyLabel, personName, type CouncilFrame } from './common.tsx';

export interface Names {
  bodies: Map<string, Body>;
  persons: Map<string, Person>;
  parties: Map<string, Party>;
}

function MeetingList({ cf, meetings, names, empty }: { cf: CouncilFrame; meetings: Meeting[]; names: Names; empty: string }) {
  const { tc, municipality, frame } = cf;
  if (meetings.length === 0) return <p className="ds-paragraph panel">{empty}</p>;
  return (
    <ul className="journal-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <a className="ds-link" href={`${base(municipality)}/mote/${m.id}`}>
            {names.bodies.get(m.body_id)?.name ?? ''} – {formatDateTime(m.starts_at, frame.language, municipality.country)}
          </a>{' '}
          <span className="muted">({tc(`status.${m.status}`)})</span>
        </li>
      ))}
    </ul>
  );
}

export type FollowStatus = 'pending' | 'confirmed' | 'cancelled';

export function CalendarPage({ cf, month, previous, next, bodyCode, meetings, names, follow }: { cf: CouncilFrame; month: string; previous: string | undefined; next: string | undefined; bodyCode: string | undefined; meetings: Meeting[]; names: Names; follow?: FollowStatus | undefined }) {
  const { tc, municipality } = cf;
  const root = base(municipality);
  const keep = bodyCode ? `&body=${encodeURIComponent(bodyCode)}` : '';
  const bodies = [...names.bodies.values()];
  return (
    <CouncilLayout cf={cf} title={tc('politics.title')} head={<link rel="alternate" type="application/atom+xml" href={`${root}/atom`} title={tc('politics.atom')} />}>
      {follow && (
        <p className="ds-paragraph panel" role="status">
          {tc(`follow.${follow}`)}
        </p>
      )}
      <p className="ds-paragraph">{tc('politics.intro', { name: municipality.name })}</p>
      <section className="stack" aria-labelledby="calendar-heading">
        <h2 className="ds-heading" data-size="md" id="calendar-heading">
          {tc('politics.calendar')} {month}
        </h2>
        <form method="get" action={root} className="search-form">
          <div className="ds-field">
            <label className="ds-label" htmlFor="month">
              {tc('politics.month')}
            </label>
            <input className="ds-input" id="month" name="month" type="month" defaultValue={month} />
          </div>
          <div className="ds-field">
            <label className="ds-label" htmlFor="body">
              {tc('politics.body')}
            </label>
            <select className="ds-input" id="body" name="body" defaultValue={bodyCode ?? ''}>
              <option value="">{tc('politics.allBodies')}</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.code}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <button className="ds-button" type="submit">
            {tc('politics.show')}
          </button>
        </form>
        <p className="ds-paragraph">
          {previous && (
            <a className="ds-link" href={`${root}?month=${previous}${keep}`}>
              {tc('politics.previousMonth')}
            </a>
          )}
          {previous && next && ' · '}
          {next && (
            <a className="ds-link" href={`${root}?month=${next}${keep}`}>
              {tc('politics.nextMonth')}
            </a>
          )}
        </p>
        <MeetingList cf={cf} meetings={meetings} names={names} empty={tc('politics.noMeetings')} />
        <p className="ds-paragraph">
          <a className="ds-link" href={`${root}/ical`}>
            {tc('politics.ical')}
          </a>
          {' · '}
          <a className="ds-link" href={`${root}/atom`}>
            {tc('politics.atom')}
          </a>
        </p>
      </section>
      <section className="stack" aria-labelledby="bodies-heading">
        <h2 className="ds-heading" data-size="md" id="bodies-heading">
          {tc('politics.bodies')}
        </h2>
        <ul>
          {bodies.map((b) => (
            <li key={b.id}>
              <a className="ds-link" href={`${root}/organ/${b.code}`}>
                {b.name}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </CouncilLayout>
  );
}

function MemberList({ cf, members, names }: { cf: CouncilFrame; members: Membership[]; names: Names }) {
  const { tc, municipality } = cf;
  return (
    <ul>
      {members.map((m) => (
        <li key={m.id}>
          {m.substitute_order !== null && `${m.substitute_order}. `}
          <a className="ds-link" href={`${base(municipality)}/politiker/${m.person_id}`}>
            {personName(names.persons.get(m.person_id))}
          </a>
          {', '}
          {tc(`role.${m.role}`)}, {partyLabel(names.parties, m.party_id, tc('party.none'))}
        </li>
      ))}
    </ul>
  );
}

export function BodyPage({ cf, body, memberships, meetings, names }: { cf: CouncilFrame; body: Body; memberships: Membership[]; meetings: Meeting[]; names: Names }) {
  const { tc, municipality } = cf;
  const root = base(municipality);
  const rank = { leader: 0, deputy: 1, member: 2, substitute: 3 } as const;
  const party = (m: Membership) => partyLabel(names.parties, m.party_id, '');
  const members = memberships.filter((m) => m.role !== 'substitute').sort((a, b) => rank[a.role] - rank[b.role] || party(a).localeCompare(party(b)) || personName(names.persons.get(a.person_id)).localeCompare(personName(names.persons.get(b.person_id))));
  const substitutes = memberships.filter((m) => m.role === 'substitute').sort((a, b) => party(a).localeCompare(party(b)) || (a.substitute_order ?? 0) - (b.substitute_order ?? 0));
  return (
    <CouncilLayout cf={cf} title={body.name} head={<link rel="alternate" type="application/atom+xml" href={`${root}/organ/${body.code}/atom`} title={tc('politics.atom')} />}>
      <section className="stack" aria-labelledby="members-heading">
        <h2 className="ds-heading" data-size="md" id="members-heading">
          {tc('body.members')}
        </h2>
        {members.length === 0 ? <p className="ds-paragraph">{tc('body.noMembers')}</p> : <MemberList cf={cf} members={members} names={names} />}
      </section>
      <section className="stack" aria-labelledby="substitutes-heading">
        <h2 className="ds-heading" data-size="md" id="substitutes-heading">
          {tc('body.substitutes')}
        </h2>
        <MemberList cf={cf} members={substitutes} names={names} />
      </section>
      <section className="stack" aria-labelledby="meetings-heading">
        <h2 className="ds-heading" data-size="md" id="meetings-heading">
          {tc('body.meetings')}
        </h2>
        <MeetingList cf={cf} meetings={meetings} names={names} empty={tc('politics.noMeetings')} />
        <p className="ds-paragraph">
          <a className="ds-link" href={`${root}/organ/${body.code}/ical`}>
            {tc('politics.ical')}
          </a>
          {' · '}
          <a className="ds-link" href={`${root}/organ/${body.code}/atom`}>
            {tc('politics.atom')}
          </a>
        </p>
      </section>
      <FollowSection cf={cf} kind="body" target={body.code} />
    </CouncilLayout>
  );
}

export function ItemLink({ cf, item, names, meetings }: { cf: CouncilFrame; item: Item; names: Names; meetings: Map<string, Meeting> }) {
  const meeting = meetings.get(item.meeting_id);
  const body = meeting ? names.bodies.get(meeting.body_id) : undefined;
  return (
    <a className="ds-link" href={`${base(cf.municipality)}/mote/${item.meeting_id}#sak-${item.position}`}>
      {item.item_number} {item.public_title}
      {body && meeting ? ` – ${body.name} ${formatDateTime(meeting.starts_at, cf.frame.language, cf.municipality.country)}` : ''}
    </a>
  );
}

export function PersonPage({ cf, person, memberships, items, meetings, names }: { cf: CouncilFrame; person: Person; memberships: Membership[]; items: Item[]; meetings: Map<string, Meeting>; names: Names }) {
  const { tc, municipality } = cf;
  // Closed items and secret votes show nothing of anyone, whatever a row holds.
  const open = items.filter((item) => !item.closed);
  const proposed = open.flatMap((item) => item.proposals.filter((p) => p.proposerPersonId === person.id).map((p) => ({ item, p })));
  const voted = open.flatMap((item) => item.votes.filter((v) => v.method !== 'secret').flatMap((v) => v.ballots.filter((b) => b.personId === person.id).map((b) => ({ item, v, b }))));
  return (
    <CouncilLayout cf={cf} title={personName(person)}>
      <p className="ds-paragraph">{partyLabel(names.parties, person.party_id, tc('party.none'))}</p>
      <section className="stack" aria-labelledby="offices-heading">
        <h2 className="ds-heading" data-size="md" id="offices-heading">
          {tc('person.bodies')}
        </h2>
        <ul>
          {memberships.map((m) => {
            const body = names.bodies.get(m.body_id);
            return (
              <li key={m.id}>
                {body ? (
                  <a className="ds-link" href={`${base(municipality)}/organ/${body.code}`}>
                    {body.name}
                  </a>
                ) : null}
                {`: ${tc(`role.${m.role}`)}, ${partyLabel(names.parties, m.party_id, tc('party.none'))}`}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="stack" aria-labelledby="proposed-heading">
        <h2 className="ds-heading" data-size="md" id="proposed-heading">
          {tc('person.proposed')}
        </h2>
        {proposed.length === 0 ? <p className="ds-paragraph">{tc('person.nothing')}</p> : (
          <ul>
            {proposed.map(({ item, p }) => (
              <li key={`${item.id}-${p.position}`}>
                <ItemLink cf={cf} item={item} names={names} meetings={meetings} />: {p.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stack" aria-labelledby="voted-heading">
        <h2 className="ds-heading" data-size="md" id="voted-heading">
          {tc('person.voted')}
        </h2>
        {voted.length === 0 ? <p className="ds-paragraph">{tc('person.nothing')}</p> : (
          <ul>
            {voted.map(({ item, v, b }) => (
              <li key={`${item.id}-${v.position}`}>
                <ItemLink cf={cf} item={item} names={names} meetings={meetings} />
                {` – ${v.subject}: ${v.counts.find((c) => c.option === b.option)?.label ?? b.option}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Questions to politicians (issue 11 §2) live on the participation pages, filtered to this person. */}
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${municipality.slug}/deltakelse/sporsmal?til=person:${person.id}`}>
          {tc('person.questions', { name: personName(person) })}
        </a>
      </p>
      <FollowSection cf={cf} kind="person" target={person.id} />
    </CouncilLayout>
  );
}

export function SearchPage({ cf, q, items, meetings, names }: { cf: CouncilFrame; q: string | undefined; items: Item[]; meetings: Map<string, Meeting>; names: Names }) {
  const { tc, municipality } = cf;
  return (
    <CouncilLayout cf={cf} title={tc('politics.search')}>
      <form method="get" action={`${base(municipality)}/sok`} role="search" className="search-form">
        <div className="ds-field">
          <label className="ds-label" htmlFor="q">
            {tc('politics.searchField')}
          </label>
          <input className="ds-input" id="q" name="q" type="search" defaultValue={q ?? ''} />
        </div>
        <button className="ds-button" type="submit">
          {tc('politics.searchButton')}
        </button>
      </form>
      {q !== undefined && (
        <section className="stack" aria-live="polite">
          <p className="ds-paragraph">{items.length === 0 ? tc('politics.searchEmpty') : tc('politics.searchResults', { count: items.length })}</p>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <ItemLink cf={cf} item={item} names={names} meetings={meetings} />
                {!item.closed && item.decision_text && <p className="ds-paragraph">{item.decision_text}</p>}
              </li>
            ))}
          </ul>
          <FollowSection cf={cf} kind="keyword" target={q} />
        </section>
      )}
    </CouncilLayout>
  );
}

export function NoticeBoardPage({ cf, notices }: { cf: CouncilFrame; notices: Notice[] }) {
  const { tc, municipality, frame } = cf;
  return (
    <CouncilLayout cf={cf} title={tc('politics.noticeBoard')}>
      <p className="ds-paragraph">{tc('politics.noticeBoardIntro')}</p>
      {notices.length === 0 ? <p className="ds-paragraph panel">{tc('politics.noticeEmpty')}</p> : (
        <ul className="journal-list">
          {notices.map((n) => (
            <li key={n.id}>
              <a className="ds-link" href={`${base(municipality)}/mote/${n.meeting_id}`}>
                {n.title}
              </a>
              <p className="ds-paragraph">{tc('politics.postedOn', { date: formatDate(n.posted_on, frame.language) })}</p>
              {n.appeal_closes_on && <p className="ds-paragraph">{tc('politics.appealCloses', { date: formatDate(n.appeal_closes_on, frame.language) })}</p>}
            </li>
          ))}
        </ul>
      )}
    </CouncilLayout>
  );
}
