// SPDX-License-Identifier: EUPL-1.2
// OParl's ids are URLs (spec 2.3): each object's id is the address that answers it, built here only,
// so that an id never changes. Everything of a municipality lives under its body,
// /oparl/v1/body/{slug}/…, and is read there with that municipality's id: an object of another
// municipality is not found under this body even when its uuid is guessed.
export const OPARL_PREFIX = '/oparl/v1';

/** The list names of Body (externalList properties) and the object kind each holds. */
export const lists = {
  organizations: 'organization',
  persons: 'person',
  memberships: 'membership',
  meetings: 'meeting',
  agendaItems: 'agendaItem',
  papers: 'paper',
  consultations: 'consultation',
  files: 'file',
  locations: 'location',
  legislativeTerms: 'legislativeTerm',
} as const;
export type ListName = keyof typeof lists;
export type ObjectKind = (typeof lists)[ListName];
export const objectKinds = new Set<string>(Object.values(lists));
export const isListName = (name: string): name is ListName => Object.hasOwn(lists, name);

export interface Urls {
  system: string;
  bodies: string;
  body: string;
  list(name: ListName): string;
  object(kind: ObjectKind, id: string): string;
  /** The file's bytes shown in the browser (accessUrl) or saved (downloadUrl, Content-Disposition: attachment). */
  fileContent(id: string, download: boolean): string;
  /** A document not published in full: its entry in the public journal, where access can be requested. */
  journalEntry(entryId: string): string;
  website: string;
}

export function urlsOf(publicUrl: string, slug: string): Urls {
  const root = `${publicUrl}${OPARL_PREFIX}`;
  const body = `${root}/body/${encodeURIComponent(slug)}`;
  return {
    system: `${root}/system`,
    bodies: `${root}/bodies`,
    body,
    list: (name) => `${body}/${name}`,
    object: (kind, id) => `${body}/${kind}/${id}`,
    fileContent: (id, download) => `${body}/file/${id}/${download ? 'download' : 'content'}`,
    journalEntry: (entryId) => `${publicUrl}/${encodeURIComponent(slug)}/postliste/${entryId}`,
    website: `${publicUrl}/${encodeURIComponent(slug)}`,
  };
}
