// SPDX-License-Identifier: EUPL-1.2
// What every council page shares: the frame (the site's layout in the visitor's language), the
// council texts, local date and time in the municipality's zone, and the sub-navigation.
import type { ReactNode } from 'react';
import type { Language } from '../../common/languages.ts';
import { Layout, type PageFrame, type PublicMunicipality } from '../../site/service.ts';
import type { Party, Person } from '../repository.ts';
import type { CouncilTranslate } from '../texts.ts';

export interface CouncilFrame {
  frame: PageFrame;
  tc: CouncilTranslate;
  municipality: PublicMunicipality;
}

export const zoneOf = (country: 'NO' | 'SE'): string => (country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');
const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };

export function formatDateTime(value: Date, language: Language, country: 'NO' | 'SE'): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'full', timeStyle: 'short', timeZone: zoneOf(country) }).format(value);
}

export function formatDay(value: Date, language: Language, country: 'NO' | 'SE'): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: zoneOf(country) }).format(value);
}

export const base = (m: PublicMunicipality) => `/${m.slug}/politikk`;

export const personName = (p: Person | undefined): string => (p ? `${p.given_name} ${p.family_name}` : '');

export function partyLabel(parties: Map<string, Party>, id: string | null, fallback: string): string {
  const party = id ? parties.get(id) : undefined;
  return party ? `${party.name} (${party.code})` : fallback;
}

export function CouncilLayout({ cf, title, children, head }: { cf: CouncilFrame; title: string; children: ReactNode; head?: ReactNode }) {
  const { tc, municipality } = cf;
  const root = base(municipality);
  return (
    <Layout frame={cf.frame} title={title} municipality={municipality} head={head}>
      <nav aria-label={tc('politics.title')} className="stack">
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${municipality.slug}`}>
            {municipality.name}
          </a>
          {' · '}
          <a className="ds-link" href={root}>
            {tc('politics.calendar')}
          </a>
          {' · '}
          <a className="ds-link" href={`${root}/sok`}>
            {tc('politics.search')}
          </a>
          {' · '}
          <a className="ds-link" href={`${root}/oppslagstavle`}>
            {tc('politics.noticeBoard')}
          </a>
          {' · '}
          <a className="ds-link" href={`/${municipality.slug}/deltakelse`}>
            {tc('politics.participation')}
          </a>
        </p>
      </nav>
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {title}
        </h1>
        {children}
      </div>
    </Layout>
  );
}
