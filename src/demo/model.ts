// SPDX-License-Identifier: EUPL-1.2
// The shape of the demo data: municipalities with their cases as a story told in days before
// today. The seed turns the days into dates when it runs, so the demo always looks recent.
import type { EntryType } from '../archive/service.ts';

export interface DemoAddress {
  address?: string;
  postalCode?: string;
  postalTown?: string;
  email?: string;
}

/** A fictional person; the seed gives them a synthetic identity number from the birth date. */
export interface DemoPerson extends DemoAddress {
  kind: 'person';
  name: string;
  born: string;
  /** A fixed number (the demo login users have theirs); otherwise one is generated. */
  identityNumber?: string;
  /** For staff: their title, under the signature. */
  position?: string;
  /** For staff who can log in to the demo: their demo user (the `sub`), so they join their stories' units. */
  userId?: string;
}

/**
 * An organisation. Fictional ones get a synthetic organisation number picked by `numberSeed`;
 * real public bodies (a county, an inter-municipal association) are named without a number.
 */
export interface DemoOrganisation extends DemoAddress {
  kind: 'organisation';
  name: string;
  numberSeed?: number;
  /** Swedish ekonomisk förening (numbers starting 7) rather than aktiebolag (55…). */
  association?: boolean;
  /** The person who signs the organisation's letters. */
  signedBy?: string;
}

export type DemoParty = DemoPerson | DemoOrganisation;

export interface DemoEntry {
  /** Names the entry so a later one can follow it up. Unique within the municipality. */
  key?: string;
  daysAgo: number;
  type: EntryType;
  title: string;
  description?: string;
  /** The sender of an incoming letter, or the recipient of an outgoing one. */
  party?: DemoParty;
  copyTo?: DemoParty[];
  /** For internal memos: from whom to whom (staff). */
  from?: DemoPerson;
  to?: DemoPerson;
  /** Keys of earlier entries of this case that this one answers. */
  followsUp?: string[];
  /** Followed up without a reply letter (noted, answered by phone…). */
  followUp?: { daysAgo: number; method: 'noted' | 'replied-by-phone' | 'replied-by-email' };
  /** Screened for personal matters: the party's name leaves the public title, the parties and documents are hidden. */
  screened?: boolean;
  /** Title of the main document; needed when the entry is screened, so the name is not repeated there. */
  documentTitle?: string;
  /** The letter's paragraphs, printed into its PDF. */
  body: string[];
  attachment?: { title: string; body: string[] };
  /** Whom an outgoing letter or memo is signed by; the case officer unless given. */
  signedBy?: DemoPerson;
  dueInDays?: number;
}

export interface DemoCase {
  daysAgo: number;
  title: string;
  /** The class code in the municipality's classification (K-kode or Klassa-style code). */
  classCode: string;
  unit: string;
  officer: DemoPerson;
  description?: string;
  keywords?: string[];
  /** Screens this person's name in the case title. */
  screenedPerson?: DemoPerson;
  entries: DemoEntry[];
  remarks?: { daysAgo: number; text: string }[];
  /** A change made later (e.g. the case moves to another officer), written to the change log. */
  reassign?: { daysAgo: number; officer: DemoPerson; unit?: string };
  closed?: {
    daysAgo: number;
    retention?: { decision: 'keep' | 'dispose'; authority: string; preservationYears?: number };
  };
}

export interface DemoMunicipality {
  slug: string;
  officialNumber: string;
  name: string;
  country: 'NO' | 'SE';
  language: 'nb' | 'sv';
  /** The town hall's postal address, for letterheads. */
  address: string;
  postalCode: string;
  postalTown: string;
  email: string;
  cases: DemoCase[];
}
