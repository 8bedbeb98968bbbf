// SPDX-License-Identifier: EUPL-1.2
// Atom of a municipality's new citizen proposals, with the `feed` package like the council's and
// the journal's feeds: an entry per proposal, dated when it was submitted.
import { Feed } from 'feed';
import type { Language } from '../common/languages.ts';
import type { PublicMunicipality } from '../site/service.ts';
import type { Proposal } from './repository.ts';
import { participationTranslator } from './texts.ts';

/** The feed marks titles and summaries as HTML: a proposal's text is the citizen's, shown as text, never as markup. */
const asText = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function proposalsAtom(publicUrl: string, municipality: PublicMunicipality, language: Language, proposals: Proposal[], now: Date): string {
  const tp = participationTranslator(language);
  const page = `${publicUrl}/${municipality.slug}/deltakelse/forslag`;
  const feed = new Feed({
    id: `${page}/atom`,
    title: tp('proposals.feedTitle', { name: municipality.name }),
    link: page,
    language,
    updated: proposals[0]?.created_at ?? now,
    generator: 'Rådhus',
    feedLinks: { atom: `${page}/atom` },
    copyright: municipality.name,
    author: { name: municipality.name, link: `${publicUrl}/${municipality.slug}` },
  });
  for (const p of proposals) {
    const link = `${page}/${p.id}`;
    const summary = p.body.length > 500 ? `${p.body.slice(0, 499)}…` : p.body;
    feed.addItem({ id: link, title: asText(p.title), link, date: p.created_at, published: p.created_at, description: asText(summary), author: [{ name: asText(p.author_name) }] });
  }
  return feed.atom1();
}
