// SPDX-License-Identifier: EUPL-1.2
// Atom of a municipality's (or one body's) newly published agendas and minutes, with the `feed`
// package like the journal's feeds. An entry per publication: the agenda when it became public, and
// the minutes as a second entry once they are published, each with its own id and date.
import { Feed } from 'feed';
import type { Language } from '../common/languages.ts';
import type { PublicMunicipality } from '../site/service.ts';
import type { Meeting } from './repository.ts';
import { councilTranslator } from './texts.ts';

export interface AtomRequest {
  publicUrl: string;
  municipality: PublicMunicipality;
  language: Language;
  title: string;
  selfPath: string;
  pagePath: string;
  meetings: Meeting[];
  /** The title of a meeting (its body and date). */
  titleOf: (meeting: Meeting) => string;
  now: Date;
}

export function councilAtom(request: AtomRequest): string {
  const tc = councilTranslator(request.language);
  const { publicUrl, municipality } = request;
  const entries = request.meetings
    .flatMap((m) => {
      const link = `${publicUrl}/${municipality.slug}/politikk/mote/${m.id}`;
      const title = request.titleOf(m);
      const out = [] as { id: string; link: string; title: string; date: Date }[];
      if (m.agenda_published_at) out.push({ id: `${link}#sakskart`, link, title: tc('politics.agendaPublished', { title }), date: m.agenda_published_at });
      if (m.minutes_published_at) out.push({ id: `${link}#protokoll`, link, title: tc('politics.minutesPublished', { title }), date: m.minutes_published_at });
      return out;
    })
    .sort((a, b) => b.date.getTime() - a.date.getTime());
  const feed = new Feed({
    id: `${publicUrl}${request.selfPath}`,
    title: request.title,
    link: `${publicUrl}${request.pagePath}`,
    language: request.language,
    updated: entries[0]?.date ?? request.now,
    generator: 'Rådhus',
    feedLinks: { atom: `${publicUrl}${request.selfPath}` },
    copyright: municipality.name,
    author: { name: municipality.name, link: `${publicUrl}/${municipality.slug}` },
  });
  for (const e of entries) feed.addItem({ id: e.id, title: e.title, link: e.link, date: e.date, published: e.date });
  return feed.atom1();
}
