// SPDX-License-Identifier: EUPL-1.2
// The public journal on the web (issue 7 §3): `/{municipality}/postliste` (a day's list, the day
// picker and the search with filters), an entry's page and a case's page. Every value comes from
// the public projection (journal/service.ts under withPublic). Plain forms: search, paging and the
// access request work without JavaScript.
import { Fragment, type ReactNode } from 'react';
import type { PublicJournalDocument, PublicJournalEntry } from '../../journal/service.ts';
import { formatDate } from '../i18n.ts';
import { formatNumber } from '../../common/format.ts';
import type { PublicMunicipality } from '../repository.ts';
import { Layout, type PageFrame } from './Layout.tsx';
import { entryTypeKey, roleGroups } from './MunicipalityPage.tsx';

export const ENTRY_TYPES = ['incoming', 'outgoing', 'internal-with-followup', 'internal-without-followup', 'case-memo'] as const;

/** The search form's fields, as the address carries them. */
export interface SearchForm {
  q?: string | undefined;
  fromDate?: string | undefined;
  toDate?: string | undefined;
  entryType?: string | undefined;
  unit?: string | undefined;
  caseNumber?: string | undefined;
  correspondent?: string | undefined;
  gnr?: string | undefined;
  bnr?: string | undefined;
}

export const SEARCH_FIELDS = ['q', 'fromDate', 'toDate', 'entryType', 'unit', 'caseNumber', 'correspondent', 'gnr', 'bnr'] as const;

/** The form's filled fields as a query string (no leading `?`); the feed and paging links reuse it. */
export function searchQuery(form: SearchForm, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const field of SEARCH_FIELDS) if (form[field]) params.set(field, form[field]!);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/**
 * A page that shows a party's name is person-bearing (krav 5.2.38): search engines are asked not to
 * index it, so a name does not outlive its 12 months of searchability in someone else's index.
 */
export const bearsPersons = (entries: readonly PublicJournalEntry[]) => entries.some((e) => e.correspondents.some((c) => c.name !== '*****'));

function Head({ noindex, feeds }: { noindex: boolean; feeds: { href: string; title: string }[] }) {
  return (
    <>
      {noindex && <meta name="robots" content="noindex" />}
      {feeds.map((f) => (
        <link key={f.href} rel="alternate" type="application/atom+xml" href={f.href} title={f.title} />
      ))}
    </>
  );
}

export function EntryFacts({ frame, entry, municipality, link }: { frame: PageFrame; entry: PublicJournalEntry; municipality: PublicMunicipality; link: boolean }) {
  const { t, language } = frame;
  const typeKey = entryTypeKey(entry.entryType);
  const parties = roleGroups
    .map((group) => ({ key: group.key, names: entry.correspondents.filter((c) => (group.roles as readonly string[]).includes(c.role)).map((c) => c.name) }))
    .filter((group) => group.names.length > 0);
  return (
    <dl className="journal-entry__facts">
      <dt>{t('journal.documentNumber')}</dt>
      <dd className="journal-entry__number">{link ? <a className="ds-link" href={`/${municipality.slug}/postliste/${entry.id}`} aria-label={t('entry.open', { number: entry.documentNumber })}>{entry.documentNumber}</a> : entry.documentNumber}</dd>
      <dt>{t('journal.date')}</dt>
      <dd>
        <time dateTime={entry.journalDate}>{formatDate(entry.journalDate, language)}</time>
      </dd>
      {typeKey && (
        <>
          <dt>{t('journal.type')}</dt>
          <dd>{t(typeKey)}</dd>
        </>
      )}
      {parties.map((group) => (
        <Fragment key={group.key}>
          <dt>{t(group.key)}</dt>
          <dd>{group.names.join(', ')}</dd>
        </Fragment>
      ))}
      <dt>{t('journal.case')}</dt>
      <dd>
        <a className="ds-link" href={`/${municipality.slug}/postliste/sak/${entry.caseNumber.replace('/', '-')}`}>
          {entry.caseNumber}
        </a>{' '}
        {entry.caseTitle}
      </dd>
    </dl>
  );
}

/** The list with a checkbox per entry: ticking several and giving an address asks for all of them at once. */
function EntryList({ frame, municipality, entries }: { frame: PageFrame; municipality: PublicMunicipality; entries: PublicJournalEntry[] }) {
  const { t } = frame;
  if (entries.length === 0) return <p className="ds-paragraph panel">{t('results.empty')}</p>;
  return (
    <form method="post" action={`/${municipality.slug}/postliste/innsyn`} className="stack">
      <ol className="journal-list">
        {entries.map((entry) => (
          <li key={entry.id} className="ds-card journal-entry">
            <h3 className="ds-heading" data-size="xs">
              <a className="ds-link" href={`/${municipality.slug}/postliste/${entry.id}`}>
                {entry.title}
              </a>
            </h3>
            <EntryFacts frame={frame} entry={entry} municipality={municipality} link={false} />
            <div className="ds-checkbox">
              <input type="checkbox" className="ds-input" name="entries" value={entry.id} id={`pick-${entry.id}`} />
              <label className="ds-label" htmlFor={`pick-${entry.id}`}>
                {t('access.pick', { number: entry.documentNumber })}
              </label>
            </div>
          </li>
        ))}
      </ol>
      <AccessFields frame={frame} />
    </form>
  );
}

function AccessFields({ frame }: { frame: PageFrame }) {
  const { t, language } = frame;
  return (
    <fieldset className="stack panel">
      <legend className="ds-heading" data-size="xs">
        {t('access.heading')}
      </legend>
      <p className="ds-paragraph">{t('access.intro')}</p>
      <input type="hidden" name="language" value={language} />
      <Field id="access-email" label={t('access.email')}>
        <input className="ds-input" type="email" name="email" id="access-email" autoComplete="email" required maxLength={254} />
      </Field>
      <Field id="access-name" label={t('access.name')}>
        <input className="ds-input" type="text" name="name" id="access-name" autoComplete="name" maxLength={200} />
      </Field>
      <p>
        <button className="ds-button" data-variant="primary" type="submit">
          {t('access.submit')}
        </button>
      </p>
    </fieldset>
  );
}

function Field({ id, label, help, children }: { id: string; label: string; help?: string; children: ReactNode }) {
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {label}
      </label>
      {help && (
        <p className="ds-paragraph muted" id={`${id}-help`}>
          {help}
        </p>
      )}
      {children}
    </div>
  );
}

function SearchFields({ frame, municipality, form, day }: { frame: PageFrame; municipality: PublicMunicipality; form: SearchForm; day: string }) {
  const { t } = frame;
  const text = (field: keyof SearchForm, label: string, type = 'text', extra: Record<string, unknown> = {}) => (
    <Field id={`search-${field}`} label={label}>
      <input className="ds-input" type={type} name={field} id={`search-${field}`} defaultValue={form[field] ?? ''} {...extra} />
    </Field>
  );
  return (
    <div className="stack">
      <form method="get" action={`/${municipality.slug}/postliste`} className="stack panel" aria-labelledby="day-heading">
        <h2 className="ds-heading" data-size="xs" id="day-heading">
          {t('postliste.day')}
        </h2>
        <Field id="day" label={t('postliste.day')}>
          <input className="ds-input" type="date" name="day" id="day" defaultValue={day} />
        </Field>
        <p>
          <button className="ds-button" data-variant="secondary" type="submit">
            {t('postliste.showDay')}
          </button>
        </p>
      </form>
      <form method="get" action={`/${municipality.slug}/postliste`} role="search" className="stack panel" aria-labelledby="search-heading">
        <h2 className="ds-heading" data-size="xs" id="search-heading">
          {t('search.heading')}
        </h2>
        <Field id="search-q" label={t('search.q')} help={t('search.qHelp')}>
          <input className="ds-input" type="search" name="q" id="search-q" defaultValue={form.q ?? ''} maxLength={500} aria-describedby="search-q-help" />
        </Field>
        {text('fromDate', t('search.fromDate'), 'date')}
        {text('toDate', t('search.toDate'), 'date')}
        <Field id="search-entryType" label={t('search.entryType')}>
          <select className="ds-input" name="entryType" id="search-entryType" defaultValue={form.entryType ?? ''}>
            <option value="">{t('search.anyType')}</option>
            {ENTRY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`entryType.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        {text('unit', t('search.unit'), 'text', { maxLength: 200 })}
        {text('caseNumber', t('search.caseNumber'), 'text', { maxLength: 20, pattern: '\\d{4}/\\d{1,9}' })}
        {text('correspondent', t('search.correspondent'), 'text', { maxLength: 200 })}
        {text('gnr', t('search.gnr'), 'number', { min: 0, max: 99999 })}
        {text('bnr', t('search.bnr'), 'number', { min: 0, max: 99999 })}
        <p>
          <button className="ds-button" data-variant="primary" type="submit">
            {t('search.submit')}
          </button>{' '}
          <a className="ds-link" href={`/${municipality.slug}/postliste`}>
            {t('search.reset')}
          </a>
        </p>
      </form>
    </div>
  );
}

/** Follow a search or a case by e-mail: the search's fields go along hidden (journal-alerts posts back with ?alert=). */
function AlertForm({ frame, municipality, form }: { frame: PageFrame; municipality: PublicMunicipality; form: SearchForm }) {
  const { t, language } = frame;
  return (
    <form method="post" action={`/${municipality.slug}/postliste/varsel`} className="stack panel" aria-labelledby="alert-heading">
      <h2 className="ds-heading" data-size="xs" id="alert-heading">
        {t('alert.heading')}
      </h2>
      <p className="ds-paragraph">{t('alert.intro')}</p>
      {SEARCH_FIELDS.filter((f) => form[f]).map((f) => (
        <input key={f} type="hidden" name={f} value={form[f]} />
      ))}
      <input type="hidden" name="language" value={language} />
      <Field id="alert-email" label={t('access.email')}>
        <input className="ds-input" type="email" name="email" id="alert-email" autoComplete="email" required maxLength={254} />
      </Field>
      <p>
        <button className="ds-button" data-variant="secondary" type="submit">
          {t('alert.submit')}
        </button>
      </p>
    </form>
  );
}

const alertTexts = { pending: 'alert.pending', confirmed: 'alert.confirmed', cancelled: 'alert.cancelled' } as const;
export type AlertStatus = keyof typeof alertTexts;
export const isAlertStatus = (v: unknown): v is AlertStatus => typeof v === 'string' && Object.hasOwn(alertTexts, v);

export interface PostlisteProps {
  frame: PageFrame;
  municipality: PublicMunicipality;
  form: SearchForm;
  /** The day shown when no search is made ('YYYY-MM-DD'); the picker's value. */
  day: string;
  searching: boolean;
  entries: PublicJournalEntry[];
  total: number;
  /** More than `total` match: the count stopped at its limit. */
  totalIsLowerBound?: boolean;
  /** The next page's address, or undefined on the last page. */
  nextHref: string | undefined;
  firstHref: string | undefined;
  alert?: AlertStatus | undefined;
}

export function PostlistePage({ frame, municipality, form, day, searching, entries, total, totalIsLowerBound, nextHref, firstHref, alert }: PostlisteProps) {
  const { t, language } = frame;
  const feedHref = `/${municipality.slug}/postliste/feed.atom`;
  const searchFeedHref = searching ? `${feedHref}?${searchQuery(form)}` : undefined;
  const feeds = [{ href: feedHref, title: t('feed.title', { name: municipality.name }) }, ...(searchFeedHref ? [{ href: searchFeedHref, title: t('feed.searchTitle', { name: municipality.name }) }] : [])];
  return (
    <Layout frame={frame} title={`${t('postliste.title')} – ${municipality.name}`} municipality={municipality} head={<Head noindex={bearsPersons(entries)} feeds={feeds} />}>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t('postliste.title')}
        </h1>
        <p className="ds-paragraph">{t('postliste.intro', { name: municipality.name })}</p>
        {alert && (
          <p className="ds-paragraph panel" role="status">
            {t(alertTexts[alert])}
          </p>
        )}
        <p className="ds-paragraph">
          <a className="ds-link" href={feedHref}>
            {t('feed.link')}
          </a>
          {' · '}
          <a className="ds-link" href={`/${municipality.slug}/statistikk`}>
            {t('stats.link')}
          </a>
          {searchFeedHref && (
            <>
              {' · '}
              <a className="ds-link" href={searchFeedHref}>
                {t('feed.searchLink')}
              </a>
            </>
          )}
        </p>
      </div>
      <SearchFields frame={frame} municipality={municipality} form={form} day={day} />
      {searching && <AlertForm frame={frame} municipality={municipality} form={form} />}
      <section className="stack" aria-labelledby="results-heading">
        <h2 className="ds-heading" data-size="md" id="results-heading">
          {searching ? t('search.heading') : t('postliste.dayHeading', { date: formatDate(day, language) })}
        </h2>
        <p className="ds-paragraph" role="status">
          {t(totalIsLowerBound ? 'results.countMoreThan' : 'results.count', { count: formatNumber(language, total) })}
        </p>
        <EntryList frame={frame} municipality={municipality} entries={entries} />
        <nav aria-label={t('search.heading')} className="ds-paragraph">
          {firstHref && (
            <a className="ds-link" href={firstHref}>
              {t('results.first')}
            </a>
          )}{' '}
          {nextHref && (
            <a className="ds-link" href={nextHref} rel="next">
              {t('results.next')}
            </a>
          )}
        </nav>
      </section>
    </Layout>
  );
}

export function EntryPage({ frame, municipality, entry }: { frame: PageFrame; municipality: PublicMunicipality; entry: PublicJournalEntry & { documents: PublicJournalDocument[] } }) {
  const { t, language } = frame;
  const caseHref = `/${municipality.slug}/postliste/sak/${entry.caseNumber.replace('/', '-')}`;
  const feeds = [{ href: `${caseHref}/feed.atom`, title: t('feed.caseTitle', { number: entry.caseNumber, name: municipality.name }) }];
  return (
    <Layout frame={frame} title={`${entry.title} – ${municipality.name}`} municipality={municipality} head={<Head noindex={bearsPersons([entry])} feeds={feeds} />}>
      <div className="stack">
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${municipality.slug}/postliste`}>
            {t('postliste.title')}
          </a>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {entry.title}
        </h1>
        <p className="ds-paragraph muted">{t('entry.heading', { number: entry.documentNumber })}</p>
      </div>
      <section className="ds-card journal-entry">
        <EntryFacts frame={frame} entry={entry} municipality={municipality} link={false} />
        <dl className="journal-entry__facts">
          <dt>{t('entry.registryNumber')}</dt>
          <dd>{entry.registryNumber}</dd>
          {entry.documentDate && (
            <>
              <dt>{t('entry.documentDate')}</dt>
              <dd>
                <time dateTime={entry.documentDate}>{formatDate(entry.documentDate, language)}</time>
              </dd>
            </>
          )}
          {entry.responsibleUnit && (
            <>
              <dt>{t('entry.unit')}</dt>
              <dd>{entry.responsibleUnit}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="stack" aria-labelledby="documents-heading">
        <h2 className="ds-heading" data-size="sm" id="documents-heading">
          {t('entry.documents')}
        </h2>
        {entry.documents.length === 0 ? (
          <p className="ds-paragraph">{t('entry.noDocuments')}</p>
        ) : (
          <ul className="ds-list">
            {entry.documents.map((d) => (
              <li key={d.documentNumber}>
                {d.title} – {d.publishedInFull ? t('entry.inFull') : t('entry.notInFull')}
              </li>
            ))}
          </ul>
        )}
        <p className="ds-paragraph">
          <a className="ds-link" href={caseHref}>
            {t('entry.caseLink')}
          </a>
        </p>
      </section>
      <form method="post" action={`/${municipality.slug}/postliste/innsyn`} className="stack">
        <input type="hidden" name="entries" value={entry.id} />
        <AccessFields frame={frame} />
      </form>
    </Layout>
  );
}

export function CasePage({ frame, municipality, caseNumber, entries }: { frame: PageFrame; municipality: PublicMunicipality; caseNumber: string; entries: PublicJournalEntry[] }) {
  const { t } = frame;
  const caseHref = `/${municipality.slug}/postliste/sak/${caseNumber.replace('/', '-')}`;
  const title = entries[0]?.caseTitle ?? caseNumber;
  const feeds = [{ href: `${caseHref}/feed.atom`, title: t('feed.caseTitle', { number: caseNumber, name: municipality.name }) }];
  return (
    <Layout frame={frame} title={`${title} – ${municipality.name}`} municipality={municipality} head={<Head noindex={bearsPersons(entries)} feeds={feeds} />}>
      <div className="stack">
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${municipality.slug}/postliste`}>
            {t('postliste.title')}
          </a>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {title}
        </h1>
        <p className="ds-paragraph muted">{t('case.heading', { number: caseNumber })}</p>
        <p className="ds-paragraph">
          <a className="ds-link" href={`${caseHref}/feed.atom`}>
            {t('feed.link')}
          </a>
        </p>
      </div>
      <section className="stack" aria-labelledby="case-entries">
        <h2 className="ds-heading" data-size="md" id="case-entries">
          {t('case.entries')}
        </h2>
        <EntryList frame={frame} municipality={municipality} entries={entries} />
      </section>
      <AlertForm frame={frame} municipality={municipality} form={{ caseNumber }} />
    </Layout>
  );
}
