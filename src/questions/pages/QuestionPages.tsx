// SPDX-License-Identifier: EUPL-1.2
// The public question pages: the list (filter by answered / unanswered and by politician or party,
// unanswered ones with their age) and one question with its answer. Plain HTML forms and links:
// they work without JavaScript. Data comes only from the public projection (present.ts).
import type { ReactNode } from 'react';
import type { Language } from '../../common/languages.ts';
import { Layout, type PageFrame, type PublicMunicipality } from '../../site/service.ts';
import type { QuestionView } from '../present.ts';
import type { QuestionTranslate } from '../texts.ts';

export interface QuestionFrame {
  frame: PageFrame;
  tq: QuestionTranslate;
  municipality: PublicMunicipality;
}

const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };
const zoneOf = (country: 'NO' | 'SE') => (country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');
const day = (qf: QuestionFrame, iso: string) => new Intl.DateTimeFormat(locales[qf.frame.language], { dateStyle: 'long', timeZone: zoneOf(qf.municipality.country) }).format(new Date(iso));

export const questionsPath = (m: { slug: string }) => `/${m.slug}/deltakelse/sporsmal`;

function QuestionLayout({ qf, title, children }: { qf: QuestionFrame; title: string; children: ReactNode }) {
  const { tq, municipality } = qf;
  return (
    <Layout frame={qf.frame} title={title} municipality={municipality}>
      <nav aria-label={tq('questions.participation')}>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${municipality.slug}`}>{municipality.name}</a>
          {' · '}
          <a className="ds-link" href={`/${municipality.slug}/deltakelse`}>{tq('questions.participation')}</a>
          {' · '}
          <a className="ds-link" href={`/${municipality.slug}/politikk`}>{tq('questions.politics')}</a>
        </p>
      </nav>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">{title}</h1>
        {children}
      </div>
    </Layout>
  );
}

const toLabel = (tq: QuestionTranslate, q: QuestionView) =>
  q.to.kind === 'person' ? tq('questions.toPerson', { name: q.to.party ? `${q.to.name} (${q.to.party.code})` : q.to.name }) : tq('questions.toParty', { name: q.to.name });

/** "Asked 12 days ago" while unanswered; nothing once answered or rejected. */
function Age({ tq, q }: { tq: QuestionTranslate; q: QuestionView }) {
  if (q.ageInDays === null) return null;
  const text = q.ageInDays === 0 ? tq('questions.ageToday') : q.ageInDays === 1 ? tq('questions.ageOne') : tq('questions.age', { days: String(q.ageInDays) });
  return <p className="ds-paragraph" data-age={q.ageInDays}><strong>{text}</strong></p>;
}

function Body({ qf, q }: { qf: QuestionFrame; q: QuestionView }) {
  const { tq } = qf;
  return (
    <>
      <p className="ds-paragraph">{tq('questions.askedBy', { name: q.askerName, date: day(qf, q.askedAt) })}</p>
      {q.status === 'rejected' ? (
        <>
          <p className="ds-paragraph">{tq('questions.rejected', { reason: q.rejectedReason ?? '' })}</p>
          <p className="ds-paragraph">{tq('questions.rejectedText')}</p>
        </>
      ) : (
        <blockquote className="ds-paragraph">{q.text}</blockquote>
      )}
      <Age tq={tq} q={q} />
      {q.answer && (
        <div className="stack">
          <p className="ds-paragraph"><strong>{tq('questions.answerBy', { name: q.answer.by?.name ?? q.to.name, date: day(qf, q.answer.answeredAt) })}</strong></p>
          <p className="ds-paragraph">{q.answer.text}</p>
        </div>
      )}
    </>
  );
}

export interface Choice { value: string; label: string }

export function QuestionListPage({ qf, items, status, to, persons, parties, nextHref }: {
  qf: QuestionFrame; items: QuestionView[]; status: string | undefined; to: string | undefined; persons: Choice[]; parties: Choice[]; nextHref: string | undefined;
}) {
  const { tq, municipality } = qf;
  return (
    <QuestionLayout qf={qf} title={tq('questions.title')}>
      <p className="ds-paragraph">{tq('questions.intro', { name: municipality.name })}</p>
      <p className="ds-paragraph">
        <a className="ds-link" href={`/app/${municipality.slug}/questions/new`}>{tq('questions.ask')}</a>
      </p>
      <form method="get" action={questionsPath(municipality)} className="stack" aria-labelledby="filter-heading">
        <h2 className="ds-heading" data-size="sm" id="filter-heading">{tq('questions.filterHeading')}</h2>
        <div className="ds-field">
          <label className="ds-label" htmlFor="status">{tq('questions.status')}</label>
          <select className="ds-input" id="status" name="status" defaultValue={status ?? ''}>
            <option value="">{tq('questions.all')}</option>
            <option value="unanswered">{tq('questions.unanswered')}</option>
            <option value="answered">{tq('questions.answered')}</option>
            <option value="rejected">{tq('questions.rejectedList')}</option>
          </select>
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="til">{tq('questions.to')}</label>
          <select className="ds-input" id="til" name="til" defaultValue={to ?? ''}>
            <option value="">{tq('questions.anyone')}</option>
            <optgroup label={tq('questions.politicians')}>
              {persons.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </optgroup>
            <optgroup label={tq('questions.parties')}>
              {parties.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </optgroup>
          </select>
        </div>
        <div>
          <button className="ds-button" data-variant="primary" type="submit">{tq('questions.show')}</button>
        </div>
      </form>
      {items.length === 0 ? <p className="ds-paragraph">{tq('questions.none')}</p> : (
        <ol className="stack" aria-label={tq('questions.title')}>
          {items.map((q) => (
            <li key={q.id} className="stack">
              <h2 className="ds-heading" data-size="xs">
                <a className="ds-link" href={`${questionsPath(municipality)}/${q.id}`}>{toLabel(tq, q)}</a>
              </h2>
              <Body qf={qf} q={q} />
            </li>
          ))}
        </ol>
      )}
      {nextHref && <p className="ds-paragraph"><a className="ds-link" href={nextHref}>{tq('questions.older')}</a></p>}
    </QuestionLayout>
  );
}

export function QuestionPage({ qf, q }: { qf: QuestionFrame; q: QuestionView }) {
  const { tq, municipality } = qf;
  return (
    <QuestionLayout qf={qf} title={tq('questions.questionTitle', { name: q.to.kind === 'person' ? q.to.name : q.to.name })}>
      <Body qf={qf} q={q} />
      <p className="ds-paragraph"><a className="ds-link" href={questionsPath(municipality)}>{tq('questions.back')}</a></p>
    </QuestionLayout>
  );
}
