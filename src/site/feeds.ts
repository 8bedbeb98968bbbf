// SPDX-License-Identifier: EUPL-1.2
// Atom feeds of the public journal (per municipality, per case, per saved search), written with the
// `feed` package. An item carries what the page shows and nothing more: public titles, the case's
// public title, type, date and the parties as the projection holds them (screened ones as *****).
import { Feed } from 'feed';
import type { Language } from '../common/languages.ts';
import type { PublicJournalEntry } from '../journal/service.ts';
import { translator } from './i18n.ts';
import { entryTypeKey } from './pages/MunicipalityPage.tsx';
import type { PublicMunicipality } from './repository.ts';
import { siteTexts } from './texts.ts';

export interface FeedRequest {
  kind: 'municipality' | 'case' | 'search';
  caseNumber?: string;
  /** The feed's own path and query. */
  selfPath: string;
  /** The page the feed mirrors. */
  pagePath: string;
  entries: PublicJournalEntry[];
  now: Date;
}

export function atomFeed(publicUrl: string, municipality: PublicMunicipality, language: Language, request: FeedRequest): string {
  const t = translator(siteTexts, language);
  const title =
    request.kind === 'case'
      ? t('feed.caseTitle', { number: request.caseNumber ?? '', name: municipality.name })
      : request.kind === 'search'
        ? t('feed.searchTitle', { name: municipality.name })
        : t('feed.title', { name: municipality.name });
  const newest = request.entries[0];
  const feed = new Feed({
    id: `${publicUrl}${request.selfPath}`,
    title,
    link: `${publicUrl}${request.pagePath}`,
    language,
    // The feed changes when an entry is published; an empty feed is as old as the request.
    updated: newest ? new Date(newest.publishedAt) : request.now,
    generator: 'Rådhus',
    feedLinks: { atom: `${publicUrl}${request.selfPath}` },
    copyright: municipality.name,
    author: { name: municipality.name, link: `${publicUrl}/${municipality.slug}` },
  });
  for (const entry of request.entries) {
    const typeKey = entryTypeKey(entry.entryType);
    const parties = entry.correspondents.map((c) => c.name).join(', ');
    const lines = [
      `${t('journal.documentNumber')}: ${entry.documentNumber}`,
      `${t('journal.date')}: ${entry.journalDate}`,
      ...(typeKey ? [`${t('journal.type')}: ${t(typeKey)}`] : []),
      ...(parties ? [`${t('journal.from')}/${t('journal.to')}: ${parties}`] : []),
      `${t('journal.case')}: ${entry.caseNumber} ${entry.caseTitle}`,
    ];
    const link = `${publicUrl}/${municipality.slug}/postliste/${entry.id}`;
    feed.addItem({ id: link, title: entry.title, link, date: new Date(entry.publishedAt), published: new Date(entry.publishedAt), description: lines.join('\n') });
  }
  return feed.atom1();
}
