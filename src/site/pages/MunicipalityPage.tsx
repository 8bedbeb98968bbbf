// SPDX-License-Identifier: EUPL-1.2
// `/{municipality}`: a municipality's front page. It links what the public side offers today —
// the latest entries of the public journal — and grows with the journal, services and meetings.
import { Fragment } from 'react';
import type { TextKey } from '../texts.ts';
import { formatDate } from '../i18n.ts';
import type { PublicJournalEntry, PublicMunicipality } from '../repository.ts';
import { Layout, type PageFrame } from './Layout.tsx';

/** The projection may carry our code words or Noark's letters; both name the same types. */
const entryTypes: Record<string, string> = {
  I: 'incoming',
  U: 'outgoing',
  N: 'internal-with-followup',
  X: 'internal-without-followup',
  S: 'case-memo',
};
const knownTypes = new Set(Object.values(entryTypes));

export function entryTypeKey(type: string): TextKey | undefined {
  const word = entryTypes[type] ?? type;
  return knownTypes.has(word) ? (`entryType.${word}` as TextKey) : undefined;
}

export const roleGroups = [
  { key: 'journal.from', roles: ['sender', 'internal-sender'] },
  { key: 'journal.to', roles: ['recipient', 'internal-recipient'] },
  { key: 'journal.copy', roles: ['copy'] },
] as const;

export function MunicipalityPage({ frame, municipality, entries }: { frame: PageFrame; municipality: PublicMunicipality; entries: PublicJournalEntry[] }) {
  const { t } = frame;
  return (
    <Layout frame={frame} title={municipality.name} municipality={municipality}>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {municipality.name}
        </h1>
        <p className="ds-paragraph">{t('municipality.intro', { name: municipality.name })}</p>
      </div>
      <section className="stack" aria-labelledby="journal-heading">
        <h2 className="ds-heading" data-size="md" id="journal-heading">
          {t('journal.heading')}
        </h2>
        {entries.length === 0 ? (
          <p className="ds-paragraph panel">{t('journal.empty')}</p>
        ) : (
          <>
            <p className="ds-paragraph muted">{t('journal.intro')}</p>
            <ol className="journal-list">
              {entries.map((entry) => (
                <JournalEntry key={entry.id} frame={frame} entry={entry} />
              ))}
            </ol>
          </>
        )}
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${municipality.slug}/postliste`}>
            {t('journal.more')}
          </a>
        </p>
      </section>
      <section className="stack">
        <h2 className="ds-heading" data-size="md">
          <a className="ds-link" href={`/${municipality.slug}/politikk`}>
            {t('politics.heading')}
          </a>
        </h2>
      </section>
      <section className="stack">
        <h2 className="ds-heading" data-size="md">
          <a className="ds-link" href={`/${municipality.slug}/deltakelse`}>
            {t('participation.heading')}
          </a>
        </h2>
      </section>
      <section className="stack" aria-labelledby="staff-heading">
        <h2 className="ds-heading" data-size="sm" id="staff-heading">
          {t('staff.heading')}
        </h2>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/app/${municipality.slug}/`}>
            {t('staff.link')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

function JournalEntry({ frame, entry }: { frame: PageFrame; entry: PublicJournalEntry }) {
  const { t, language } = frame;
  const typeKey = entryTypeKey(entry.entryType);
  const parties = roleGroups
    .map((group) => ({ key: group.key, names: entry.correspondents.filter((c) => (group.roles as readonly string[]).includes(c.role)).map((c) => c.name) }))
    .filter((group) => group.names.length > 0);
  return (
    <li className="ds-card journal-entry">
      <h3 className="ds-heading" data-size="xs">
        {entry.title}
      </h3>
      <dl className="journal-entry__facts">
        <dt>{t('journal.documentNumber')}</dt>
        <dd className="journal-entry__number">{entry.documentNumber}</dd>
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
        <dd>{entry.caseTitle}</dd>
      </dl>
    </li>
  );
}
