// SPDX-License-Identifier: EUPL-1.2
// The participation hub: open proposals (counts and the few nearest their threshold), open
// consultations with their deadlines, recent questions to politicians with the age of unanswered
// ones, and how to take part, with the legal rule of the municipality's country.
import type { Consultation, Proposal, Question } from '../repository.ts';
import { formatDay, hubPath, ParticipationLayout, ProgressBar, proposalsPath, writePath, type ParticipationFrame } from './common.tsx';

export interface HubData {
  counts: Record<string, number>;
  leading: Proposal[];
  consultations: { count: number; list: Consultation[] };
  questions: { open: number; answered: number; list: Question[] };
  addressees: Map<string, string>;
}

const DAY_MS = 86_400_000;

export function HubPage({ pf, data }: { pf: ParticipationFrame; data: HubData }) {
  const { tp, municipality, frame, now } = pf;
  const hub = hubPath(municipality);
  const count = (...statuses: string[]) => statuses.reduce((sum, s) => sum + (data.counts[s] ?? 0), 0);
  return (
    <ParticipationLayout pf={pf} title={tp('hub.title')} head={<link rel="alternate" type="application/atom+xml" href={`${proposalsPath(municipality)}/atom`} title={tp('proposals.atom')} />}>
      <p className="ds-paragraph">{tp('hub.intro', { name: municipality.name })}</p>
      <section className="stack" aria-labelledby="proposals-heading">
        <h2 className="ds-heading" data-size="md" id="proposals-heading">
          {tp('hub.proposals')}
        </h2>
        <ul className="ds-list">
          <li>
            <a className="ds-link" href={`${proposalsPath(municipality)}?status=open`}>
              {tp('hub.openCount', { count: count('open') })}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`${proposalsPath(municipality)}?status=reached`}>
              {tp('hub.reachedCount', { count: count('reached', 'on-agenda') })}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`${proposalsPath(municipality)}?status=decided`}>
              {tp('hub.decidedCount', { count: count('decided') })}
            </a>
          </li>
        </ul>
        {data.leading.length === 0 ? (
          <p className="ds-paragraph panel">{tp('hub.noOpenProposals')}</p>
        ) : (
          <ul className="journal-list">
            {data.leading.map((p) => (
              <li key={p.id} className="stack">
                <a className="ds-link" href={`${proposalsPath(municipality)}/${p.id}`}>
                  {p.title}
                </a>
                <ProgressBar pf={pf} proposal={p} id={`progress-${p.id}`} />
              </li>
            ))}
          </ul>
        )}
        <p className="ds-paragraph">
          <a className="ds-link" href={proposalsPath(municipality)}>
            {tp('hub.allProposals')}
          </a>
          {' · '}
          <a className="ds-link" href={writePath(municipality)}>
            {tp('hub.write')}
          </a>
        </p>
      </section>
      <section className="stack" aria-labelledby="consultations-heading">
        <h2 className="ds-heading" data-size="md" id="consultations-heading">
          {tp('hub.consultations')}
        </h2>
        {data.consultations.count === 0 ? (
          <p className="ds-paragraph panel">{tp('hub.noConsultations')}</p>
        ) : (
          <>
            <p className="ds-paragraph">{tp('hub.openConsultations', { count: data.consultations.count })}</p>
            <ul className="journal-list">
              {data.consultations.list.map((c) => (
                <li key={c.id}>
                  <a className="ds-link" href={`${hub}/horinger/${c.id}`}>
                    {c.title}
                  </a>{' '}
                  <span className="muted">{tp('hub.deadline', { date: formatDay(c.deadline, frame.language, municipality.country) })}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="ds-paragraph">
          <a className="ds-link" href={`${hub}/horinger`}>
            {tp('hub.allConsultations')}
          </a>
        </p>
      </section>
      <section className="stack" aria-labelledby="questions-heading">
        <h2 className="ds-heading" data-size="md" id="questions-heading">
          {tp('hub.questions')}
        </h2>
        {data.questions.list.length === 0 ? (
          <p className="ds-paragraph panel">{tp('hub.noQuestions')}</p>
        ) : (
          <>
            <p className="ds-paragraph">{tp('hub.questionCounts', { answered: data.questions.answered, open: data.questions.open })}</p>
            <ul className="journal-list">
              {data.questions.list.map((q) => {
                const to = data.addressees.get(q.person_id ?? q.party_id ?? '') ?? '';
                return (
                  <li key={q.id} className="stack">
                    <a className="ds-link" href={`${hub}/sporsmal/${q.id}`}>
                      {q.text.length > 140 ? `${q.text.slice(0, 139)}…` : q.text}
                    </a>
                    <span className="muted">
                      {to && `${tp('hub.questionTo', { name: to })}. `}
                      {tp('hub.askedBy', { name: q.asker_name, date: formatDay(q.asked_at, frame.language, municipality.country) })}.{' '}
                      {q.status === 'answered' ? tp('hub.answered') : tp('hub.unanswered', { days: Math.max(0, Math.floor((now.getTime() - q.asked_at.getTime()) / DAY_MS)) })}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <p className="ds-paragraph">
          <a className="ds-link" href={`${hub}/sporsmal`}>
            {tp('hub.allQuestions')}
          </a>
        </p>
      </section>
      <section className="stack" aria-labelledby="how-heading">
        <h2 className="ds-heading" data-size="md" id="how-heading">
          {tp('hub.how')}
        </h2>
        <p className="ds-paragraph">{tp('hub.howSign')}</p>
        <p className="ds-paragraph">{municipality.country === 'SE' ? tp('hub.rulesSE') : tp('hub.rulesNO')}</p>
        <p className="ds-paragraph">{tp('hub.howConsultations')}</p>
        <p className="ds-paragraph">{tp('hub.howQuestions')}</p>
      </section>
    </ParticipationLayout>
  );
}
