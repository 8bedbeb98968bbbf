// SPDX-License-Identifier: EUPL-1.2
// What every participation page shares: the site's layout in the visitor's language, the sub-
// navigation (hub, proposals, consultations, questions), local dates in the municipality's zone,
// and the accessible progress bar of a proposal.
import type { ReactNode } from 'react';
import type { Language } from '../../common/languages.ts';
import { progressPercent } from '../../proposals/service.ts';
import { Layout, type PageFrame, type PublicMunicipality } from '../../site/service.ts';
import type { Proposal } from '../repository.ts';
import type { ParticipationTranslate } from '../texts.ts';

export interface ParticipationFrame {
  frame: PageFrame;
  tp: ParticipationTranslate;
  municipality: PublicMunicipality;
  now: Date;
}

export const hubPath = (m: PublicMunicipality) => `/${m.slug}/deltakelse`;
export const proposalsPath = (m: PublicMunicipality) => `/${m.slug}/deltakelse/forslag`;
/** The web app's pages where a citizen logs in with e-ID to sign or write. */
export const signPath = (m: PublicMunicipality, id: string) => `/app/${m.slug}/proposals/${id}`;
export const writePath = (m: PublicMunicipality) => `/app/${m.slug}/proposals/new`;
/** The public journal's case page (src/site/journal-routes.ts): the case number with a dash. */
export const casePath = (m: PublicMunicipality, caseNumber: string) => `/${m.slug}/postliste/sak/${caseNumber.replace('/', '-')}`;

const zoneOf = (country: 'NO' | 'SE'): string => (country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');
const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };

export function formatDay(value: Date, language: Language, country: 'NO' | 'SE'): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: zoneOf(country) }).format(value);
}

export function formatDateTime(value: Date, language: Language, country: 'NO' | 'SE'): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeStyle: 'short', timeZone: zoneOf(country) }).format(value);
}

/** Whether a proposal can be signed now: open, and its signing period not over (the lapse job may lag). */
export const isSignable = (p: Proposal, now: Date): boolean => p.status === 'open' && p.closes_at.getTime() > now.getTime();

/** A <progress> named by the sentence that says the same in words (a bar alone tells a screen reader little). */
export function ProgressBar({ pf, proposal, id }: { pf: ParticipationFrame; proposal: Proposal; id: string }) {
  const { signature_count: count, threshold } = proposal;
  // The API's rule, not a second copy of it: the page and the API say the same per cent.
  const percent = progressPercent(count, threshold);
  const label = pf.tp('proposals.progress', { count, threshold, percent });
  return (
    <div className="stack">
      <p className="ds-paragraph" id={id}>
        {label}
      </p>
      <progress className="proposal-progress" aria-labelledby={id} value={Math.min(count, threshold)} max={threshold}>
        {label}
      </progress>
    </div>
  );
}

export function ParticipationLayout({ pf, title, children, head }: { pf: ParticipationFrame; title: string; children: ReactNode; head?: ReactNode }) {
  const { tp, municipality } = pf;
  const hub = hubPath(municipality);
  return (
    <Layout frame={pf.frame} title={title} municipality={municipality} head={head}>
      <nav aria-label={tp('hub.title')} className="stack">
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${municipality.slug}`}>
            {municipality.name}
          </a>
          {' · '}
          <a className="ds-link" href={hub}>
            {tp('hub.title')}
          </a>
          {' · '}
          <a className="ds-link" href={`${hub}/forslag`}>
            {tp('hub.proposals')}
          </a>
          {' · '}
          <a className="ds-link" href={`${hub}/horinger`}>
            {tp('hub.consultations')}
          </a>
          {' · '}
          <a className="ds-link" href={`${hub}/sporsmal`}>
            {tp('hub.questions')}
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
