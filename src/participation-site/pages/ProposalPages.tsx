// SPDX-License-Identifier: EUPL-1.2
// The proposal pages: the list (by status, with search and paging) and one proposal with its text,
// signatures and progress, and what it became: the case in the public journal, the body that must
// decide and by when, the meeting's agenda item, the decision. Signing happens in the web app
// (e-ID login); these pages only link there while the proposal is open.
import { Fragment } from 'react';
import { formatDate } from '../../site/service.ts';
import type { AgendaPlace, Proposal, StatusFilter } from '../repository.ts';
import { casePath, formatDateTime, formatDay, isSignable, ParticipationLayout, ProgressBar, proposalsPath, signPath, writePath, type ParticipationFrame } from './common.tsx';

const FILTERS: StatusFilter[] = ['open', 'reached', 'decided'];

export interface ListProps {
  pf: ParticipationFrame;
  proposals: Proposal[];
  status: StatusFilter | undefined;
  q: string | undefined;
  page: number;
  hasNext: boolean;
}

export function ProposalListPage({ pf, proposals, status, q, page, hasNext }: ListProps) {
  const { tp, municipality, frame, now } = pf;
  const root = proposalsPath(municipality);
  const link = (to: number) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (q) params.set('q', q);
    if (to > 1) params.set('page', String(to));
    const query = params.toString();
    return query ? `${root}?${query}` : root;
  };
  return (
    <ParticipationLayout pf={pf} title={tp('proposals.title')} head={<link rel="alternate" type="application/atom+xml" href={`${root}/atom`} title={tp('proposals.atom')} />}>
      <p className="ds-paragraph">{tp('proposals.intro', { name: municipality.name })}</p>
      <form method="get" action={root} className="search-form">
        <div className="ds-field">
          <label className="ds-label" htmlFor="q">
            {tp('proposals.searchField')}
          </label>
          <input className="ds-input" id="q" name="q" type="search" defaultValue={q ?? ''} />
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="status">
            {tp('proposals.status')}
          </label>
          <select className="ds-input" id="status" name="status" defaultValue={status ?? ''}>
            <option value="">{tp('proposals.all')}</option>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {tp(`filter.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button className="ds-button" type="submit">
          {tp('proposals.show')}
        </button>
      </form>
      <p className="ds-paragraph">
        <a className="ds-link" href={writePath(municipality)}>
          {tp('hub.write')}
        </a>{' '}
        ·{' '}
        <a className="ds-link" href={`${root}/atom`}>
          {tp('proposals.atom')}
        </a>
      </p>
      {proposals.length === 0 ? (
        <p className="ds-paragraph panel">{tp('proposals.empty')}</p>
      ) : (
        <ul className="journal-list">
          {proposals.map((p) => (
            <li key={p.id} className="panel stack">
              <h2 className="ds-heading" data-size="sm">
                <a className="ds-link" href={`${root}/${p.id}`}>
                  {p.title}
                </a>
              </h2>
              <p className="ds-paragraph muted">
                {tp('proposals.byAuthor', { name: p.author_name })} · {formatDay(p.created_at, frame.language, municipality.country)} · {statusText(pf, p, now)}
              </p>
              <ProgressBar pf={pf} proposal={p} id={`progress-${p.id}`} />
            </li>
          ))}
        </ul>
      )}
      {(page > 1 || hasNext) && (
        <nav aria-label={tp('proposals.results', { page })}>
          <p className="ds-paragraph">
            {page > 1 && (
              <a className="ds-link" href={link(page - 1)} rel="prev">
                {tp('proposals.previous')}
              </a>
            )}
            {page > 1 && hasNext && ' · '}
            {hasNext && (
              <a className="ds-link" href={link(page + 1)} rel="next">
                {tp('proposals.next')}
              </a>
            )}
          </p>
        </nav>
      )}
    </ParticipationLayout>
  );
}

/** The author's line breaks kept, as text (React escapes it): no markup from a proposal reaches the page. */
function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

/** An open proposal whose signing period is over shows as lapsed even before the job marks it so. */
function statusText(pf: ParticipationFrame, p: Proposal, now: Date): string {
  return p.status === 'open' && !isSignable(p, now) ? pf.tp('status.lapsed') : pf.tp(`status.${p.status}`);
}

export interface ProposalProps {
  pf: ParticipationFrame;
  proposal: Proposal;
  bodyName: string | undefined;
  place: AgendaPlace | undefined;
}

export function ProposalPage({ pf, proposal: p, bodyName, place }: ProposalProps) {
  const { tp, municipality, frame, now } = pf;
  const { language } = frame;
  const day = (d: Date) => formatDay(d, language, municipality.country);
  const signable = isSignable(p, now);
  return (
    <ParticipationLayout pf={pf} title={p.title}>
      <p className="ds-paragraph">
        <a className="ds-link" href={proposalsPath(municipality)}>
          {tp('proposal.back')}
        </a>
      </p>
      <ProgressBar pf={pf} proposal={p} id="progress" />
      {signable && (
        <div className="panel stack">
          <p className="ds-paragraph">{tp('proposal.signIntro')}</p>
          <p className="ds-paragraph">
            <a className="ds-button" href={signPath(municipality, p.id)}>
              {tp('proposal.sign')}
            </a>
          </p>
          <p className="ds-paragraph">
            <a className="ds-link" href={writePath(municipality)}>
              {tp('hub.write')}
            </a>
          </p>
        </div>
      )}
      <dl className="journal-entry__facts">
        <dt>{tp('proposal.status')}</dt>
        <dd>{statusText(pf, p, now)}</dd>
        <dt>{tp('proposal.author')}</dt>
        <dd>{p.author_name}</dd>
        <dt>{tp('proposal.created')}</dt>
        <dd>{day(p.created_at)}</dd>
        <dt>{tp('proposal.signatures')}</dt>
        <dd>{p.signature_count}</dd>
        <dt>{tp('proposal.threshold')}</dt>
        <dd>{p.threshold}</dd>
        {p.reached_at ? (
          <>
            <dt>{tp('proposal.reachedAt')}</dt>
            <dd>{day(p.reached_at)}</dd>
          </>
        ) : (
          <>
            <dt>{tp('proposal.closesAt')}</dt>
            <dd>{day(p.closes_at)}</dd>
          </>
        )}
        {bodyName && (
          <>
            <dt>{tp('proposal.body')}</dt>
            <dd>{bodyName}</dd>
          </>
        )}
        {p.decision_due_on && !p.decided_at && (
          <>
            <dt>{tp('proposal.decisionDue')}</dt>
            <dd>{formatDate(p.decision_due_on, language)}</dd>
          </>
        )}
        {p.case_number && (
          <>
            <dt>{tp('proposal.case')}</dt>
            <dd>
              <a className="ds-link" href={casePath(municipality, p.case_number)}>
                {tp('proposal.caseLink', { number: p.case_number })}
              </a>
            </dd>
          </>
        )}
        {place && (
          <>
            <dt>{tp('proposal.meeting')}</dt>
            <dd>
              <a className="ds-link" href={`/${municipality.slug}/politikk/mote/${place.meetingId}#sak-${place.position}`}>
                {tp('proposal.meetingLink', { item: `${place.itemNumber} ${place.title}`, date: `${place.bodyName} ${formatDateTime(place.startsAt, language, municipality.country)}` })}
              </a>
            </dd>
          </>
        )}
      </dl>
      <section className="stack" aria-label={tp('proposals.title')}>
        {p.body.split(/\n{2,}/).map((paragraph, i) => (
          <p key={i} className="ds-paragraph">
            <Lines text={paragraph} />
          </p>
        ))}
      </section>
      {p.decision_text && (
        <section className="stack panel" aria-labelledby="decision-heading">
          <h2 className="ds-heading" data-size="md" id="decision-heading">
            {tp('proposal.decision')}
          </h2>
          {p.decided_at && <p className="ds-paragraph muted">{tp('proposal.decidedAt', { date: day(p.decided_at) })}</p>}
          <p className="ds-paragraph">
            <Lines text={p.decision_text} />
          </p>
        </section>
      )}
    </ParticipationLayout>
  );
}
