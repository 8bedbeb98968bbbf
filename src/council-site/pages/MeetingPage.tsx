// SPDX-License-Identifier: EUPL-1.2
// One meeting: time and place, the agenda (late items and closed items marked as such, a closed item
// only by its public title and legal basis), each item's papers, proposals, votes per party and per
// member, decision, and the video: the live stream during the meeting, the recording with a link per
// item to its moment (a `#t=` media fragment), the minutes. Everything comes from the projection.
import type { PublicVote } from '../../council/tables.ts';
import type { Item, Meeting } from '../repository.ts';
import { base, CouncilLayout, formatDateTime, partyLabel, personName, type CouncilFrame } from './common.tsx';
import type { Names } from './Pages.tsx';

/** The recording at an item's moment: a media fragment, which players and browsers both understand. */
export const momentOf = (recordingUrl: string, seconds: number): string => `${recordingUrl.split('#')[0]}#t=${seconds}`;

/** A link only to web addresses: a stored `javascript:` URL would otherwise run in the visitor's browser. */
const safeUrl = (value: string | null): string | undefined => (value && /^https?:\/\//i.test(value) ? value : undefined);

function VoteTable({ cf, vote, names }: { cf: CouncilFrame; vote: PublicVote; names: Names }) {
  const { tc } = cf;
  const label = (option: string) => vote.counts.find((c) => c.option === option)?.label ?? option;
  return (
    <div className="stack">
      <h4 className="ds-heading" data-size="xs">
        {vote.subject}
      </h4>
      <table className="ds-table">
        <caption>{tc('meeting.votes')}</caption>
        <thead>
          <tr>
            <th scope="col">{tc('meeting.option')}</th>
            <th scope="col">{tc('meeting.count')}</th>
          </tr>
        </thead>
        <tbody>
          {vote.counts.map((c) => (
            <tr key={c.option}>
              <td>{c.label}</td>
              <td>{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {vote.outcome && <p className="ds-paragraph">{tc('meeting.voteOutcome', { option: label(vote.outcome) })}</p>}
      {vote.parties.length > 0 && (
        <table className="ds-table">
          <caption>{tc('meeting.perParty')}</caption>
          <thead>
            <tr>
              <th scope="col">{tc('meeting.party')}</th>
              <th scope="col">{tc('meeting.option')}</th>
              <th scope="col">{tc('meeting.count')}</th>
            </tr>
          </thead>
          <tbody>
            {vote.parties.map((p) => (
              <tr key={`${p.partyId ?? '-'}-${p.option}`}>
                <td>{partyLabel(names.parties, p.partyId, tc('party.none'))}</td>
                <td>{label(p.option)}</td>
                <td>{p.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {vote.method === 'secret' ? (
        <p className="ds-paragraph">{tc('meeting.secret')}</p>
      ) : (
        vote.ballots.length > 0 && (
          <table className="ds-table">
            <caption>{tc('meeting.perMember')}</caption>
            <tbody>
              {vote.ballots.map((b) => (
                <tr key={b.personId}>
                  <th scope="row">
                    <a className="ds-link" href={`${base(cf.municipality)}/politiker/${b.personId}`}>
                      {personName(names.persons.get(b.personId))}
                    </a>
                  </th>
                  <td>{partyLabel(names.parties, b.partyId, tc('party.none'))}</td>
                  <td>{label(b.option)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </div>
  );
}

function AgendaItem({ cf, item, meeting, names }: { cf: CouncilFrame; item: Item; meeting: Meeting; names: Names }) {
  const { tc, municipality } = cf;
  const recording = safeUrl(meeting.recording_url);
  const heading = `${item.item_number} ${item.public_title}`;
  return (
    <li id={`sak-${item.position}`} className="stack">
      <h3 className="ds-heading" data-size="sm">
        {heading}
      </h3>
      {item.late && <p className="ds-paragraph">{tc('meeting.late')}</p>}
      {item.closed ? (
        // The projection holds no text of a closed item; the page says why there is none.
        <p className="ds-paragraph">
          {tc('meeting.closed')}. {tc('meeting.legalBasis', { basis: item.closed_legal_basis ?? '' })}
        </p>
      ) : (
        <>
          {item.case_number && <p className="ds-paragraph">{tc('meeting.case', { number: item.case_number })}</p>}
          {item.presentation_entry_id && (
            <p className="ds-paragraph">
              <a className="ds-link" href={`/${municipality.slug}/postliste/${item.presentation_entry_id}`}>
                {tc('meeting.papers')}
              </a>
            </p>
          )}
          {item.proposals.length > 0 && (
            <>
              <h4 className="ds-heading" data-size="xs">
                {tc('meeting.proposals')}
              </h4>
              <ul>
                {item.proposals.map((p) => (
                  <li key={p.position}>
                    {tc(`proposal.${p.kind}`)}
                    {p.proposerPersonId ? ` (${personName(names.persons.get(p.proposerPersonId))}${p.partyId ? `, ${partyLabel(names.parties, p.partyId, '')}` : ''})` : p.partyId ? ` (${partyLabel(names.parties, p.partyId, '')})` : ''}: {p.text}
                  </li>
                ))}
              </ul>
            </>
          )}
          {item.disqualifications.map((d) => (
            <p className="ds-paragraph" key={d.personId}>
              {tc('meeting.disqualified', { name: personName(names.persons.get(d.personId)), reason: d.reason })}
            </p>
          ))}
          {item.votes.map((v) => (
            <VoteTable key={v.position} cf={cf} vote={v} names={names} />
          ))}
          {item.decision_text && (
            <>
              <h4 className="ds-heading" data-size="xs">
                {tc('meeting.decision')}
              </h4>
              <p className="ds-paragraph">{item.decision_text}</p>
            </>
          )}
          {item.reservations.map((r, index) => (
            <p className="ds-paragraph" key={index}>
              {tc('meeting.reservation', { who: r.personId ? personName(names.persons.get(r.personId)) : partyLabel(names.parties, r.partyId, '') })}
              {r.text ? `: ${r.text}` : ''}
            </p>
          ))}
          {recording && item.video_offset_seconds !== null && (
            <p className="ds-paragraph">
              <a className="ds-link" href={momentOf(recording, item.video_offset_seconds)}>
                {tc('meeting.watchItem')}
              </a>
            </p>
          )}
        </>
      )}
    </li>
  );
}

export function MeetingPage({ cf, meeting, items, names, now }: { cf: CouncilFrame; meeting: Meeting; items: Item[]; names: Names; now: Date }) {
  const { tc, municipality, frame } = cf;
  const body = names.bodies.get(meeting.body_id);
  const title = tc('politics.meetingOf', { body: body?.name ?? '', date: formatDateTime(meeting.starts_at, frame.language, municipality.country) });
  const live = safeUrl(meeting.live_stream_url);
  const recording = safeUrl(meeting.recording_url);
  // "During the meeting": from its start until its end, or the same day when no end is set.
  const ends = meeting.ends_at ?? new Date(meeting.starts_at.getTime() + 12 * 3600_000);
  const running = meeting.status !== 'cancelled' && now >= new Date(meeting.starts_at.getTime() - 15 * 60_000) && now <= ends;
  return (
    <CouncilLayout cf={cf} title={title}>
      <dl className="entry-facts">
        <dt>{tc('meeting.when')}</dt>
        <dd>{formatDateTime(meeting.starts_at, frame.language, municipality.country)}</dd>
        {meeting.location && (
          <>
            <dt>{tc('meeting.where')}</dt>
            <dd>{meeting.location}</dd>
          </>
        )}
        <dt>{tc('meeting.status')}</dt>
        <dd>{tc(`status.${meeting.status}`)}</dd>
        {body && (
          <>
            <dt>{tc('politics.body')}</dt>
            <dd>
              <a className="ds-link" href={`${base(municipality)}/organ/${body.code}`}>
                {body.name}
              </a>
            </dd>
          </>
        )}
      </dl>
      {!meeting.open && <p className="ds-paragraph">{tc('meeting.closedMeeting')}</p>}
      {live && running && (
        <p className="ds-paragraph">
          <a className="ds-link" href={live}>
            {tc('meeting.live')}
          </a>
        </p>
      )}
      {recording && (
        <p className="ds-paragraph">
          <a className="ds-link" href={recording}>
            {tc('meeting.recording')}
          </a>
        </p>
      )}
      {meeting.minutes_entry_id && (
        <section className="stack" aria-labelledby="minutes-heading">
          <h2 className="ds-heading" data-size="md" id="minutes-heading">
            {tc('meeting.minutes')}
          </h2>
          <p className="ds-paragraph">
            <a className="ds-link" href={`/${municipality.slug}/postliste/${meeting.minutes_entry_id}`}>
              {tc('meeting.minutesLink')}
            </a>
          </p>
        </section>
      )}
      <section className="stack" aria-labelledby="agenda-heading">
        <h2 className="ds-heading" data-size="md" id="agenda-heading">
          {tc('meeting.agenda')}
        </h2>
        {meeting.agenda_published_at === null ? (
          <p className="ds-paragraph panel">{tc('meeting.agendaNotYet')}</p>
        ) : (
          <ol className="stack">
            {items.map((item) => (
              <AgendaItem key={item.id} cf={cf} item={item} meeting={meeting} names={names} />
            ))}
          </ol>
        )}
      </section>
    </CouncilLayout>
  );
}
