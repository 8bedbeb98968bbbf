// SPDX-License-Identifier: EUPL-1.2
// exportPublicJournalXml: one day of a municipality's public journal as Noark 5 offentligJournal.xml
// (the schema in shared/standards/noark5/offentligJournal.xsd). Written from the public projection
// through journal/service.ts, so it holds exactly what the postliste shows: public titles, parties as
// shown (screened ones *****), never a screened value.
import { Type } from 'typebox';
import { isDate } from '../common/calendar/dates.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic, type Tx } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import { invalid, notFound } from '../platform/http/problem.ts';
import { MAX_LIMIT, searchPublicJournal, type PublicJournalEntry } from '../journal/service.ts';
import { todayIn } from './journal-routes.ts';
import { findArchiveCreator } from './repository.ts';

export const OFFENTLIG_JOURNAL_NS = 'http://www.arkivverket.no/standarder/noark5/offentligJournal';
/** A day of a large municipality is a few hundred entries; this bounds one answer all the same. */
const MAX_ENTRIES = 20_000;

/** Noark's names for the party roles the projection carries. */
const partyTypes: Record<string, string> = {
  sender: 'Avsender',
  recipient: 'Mottaker',
  copy: 'Kopimottaker',
  'internal-sender': 'Intern avsender',
  'internal-recipient': 'Intern mottaker',
};

const escapeXml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const element = (name: string, value: string | number | null | undefined): string => (value === null || value === undefined || value === '' ? '' : `<${name}>${escapeXml(String(value))}</${name}>`);

/** '2026/123' → [2026, 123]; '2026/7-3' → the part after the dash (journalpostnummer). */
const yearAndSequence = (number: string): [number, number] => {
  const [year, rest = '0'] = number.split('/');
  return [Number(year), Number(rest.split('-')[0])];
};

export async function dayEntries(tx: Tx, tenantId: string, day: string, now: Date): Promise<PublicJournalEntry[]> {
  const entries: PublicJournalEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await searchPublicJournal(tx, tenantId, { fromDate: day, toDate: day, cursor, limit: MAX_LIMIT }, now, { countLimit: 0 });
    entries.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && entries.length < MAX_ENTRIES);
  // Oldest first, as a journal is read.
  return entries.reverse();
}

export function offentligJournalXml(creator: { officialNumber: string; name: string }, day: string, entries: readonly PublicJournalEntry[]): string {
  const registrations = entries.map((e) => {
    const [caseYear, caseSequence] = yearAndSequence(e.caseNumber);
    const [entryYear, entrySequence] = yearAndSequence(e.registryNumber);
    const documentNumber = Number(/-(\d+)$/.exec(e.documentNumber)?.[1] ?? entrySequence);
    // The schema asks for at least one party. An internal memo with none names its unit (or the
    // municipality) as the internal sender: a public value, and what the memo is.
    const parties = e.correspondents.length > 0 ? e.correspondents : [{ name: e.responsibleUnit ?? creator.name, role: 'internal-sender' }];
    return [
      '<journalregistrering>',
      '<saksmappe>',
      element('mappeID', e.caseNumber),
      element('saksaar', caseYear),
      element('sakssekvensnummer', caseSequence),
      element('offentligTittel', e.caseTitle),
      '</saksmappe>',
      '<journalpost>',
      element('systemID', e.id),
      element('registreringsID', e.registryNumber),
      element('journalaar', entryYear),
      element('journalsekvensnummer', entrySequence),
      element('journalpostnummer', documentNumber),
      element('offentligTittel', e.title),
      element('journaldato', e.journalDate),
      element('dokumentetsDato', e.documentDate),
      element('administrativEnhet', e.responsibleUnit),
      ...parties.map((p) => `<korrespondansepart>${element('korrespondanseparttype', partyTypes[p.role] ?? 'Avsender')}${element('korrespondansepartNavn', p.name || '*****')}</korrespondansepart>`),
      '</journalpost>',
      '</journalregistrering>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<offentligJournal xmlns="${OFFENTLIG_JOURNAL_NS}">`,
    '<journalhode>',
    element('journalStartDato', day),
    element('journalSluttDato', day),
    element('antallJournalposter', entries.length),
    `<arkivskaper>${element('arkivskaperID', creator.officialNumber)}${element('arkivskaperNavn', creator.name)}</arkivskaper>`,
    '</journalhode>',
    ...registrations.map((r) => `\n${r}`),
    '\n</offentligJournal>\n',
  ].join('');
}

export function registerJournalXml(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/:tenant/public-journal.xml',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'exportPublicJournalXml',
        tags: ['public journal'],
        summary: "A day of the municipality's public journal as Noark 5 offentligJournal.xml",
        description: 'Validates against the Noark 5 offentligJournal schema. The schema needs at least one entry: a day with none is a 404.',
        security: [],
        params: Type.Object({ tenant: Type.String() }),
        querystring: Type.Object({ date: Type.Optional(Type.String({ maxLength: 10, description: "the journal date, YYYY-MM-DD; the municipality's today when left out" })) }, { additionalProperties: false }),
        response: { 200: { description: 'offentligJournal.xml', content: { 'application/xml': { schema: Type.String() } } } },
      },
    },
    async (request, reply) => {
      const { tenant: slug } = request.params as { tenant: string };
      const asked = (request.query as { date?: string }).date;
      if (asked !== undefined && !isDate(asked)) throw invalid([{ field: 'date', code: 'invalidDate', message: 'must be a real date written YYYY-MM-DD' }]);
      const now = ctx.clock.now();
      const { creator, date, entries } = await withPublic(ctx.db, async (tx) => {
        const found = /^[a-z][a-z0-9-]{1,39}$/.test(slug) ? await findArchiveCreator(tx, slug) : undefined;
        if (!found) throw notFound(`the municipality "${slug}"`);
        const day = asked ?? todayIn(found.country, now);
        return { creator: found, date: day, entries: await dayEntries(tx, found.id, day, now) };
      });
      if (entries.length === 0) throw notFound(`entries in the public journal of ${creator.name} on ${date}`);
      return reply
        .header('cache-control', 'public, max-age=300')
        .header('content-disposition', `attachment; filename="offentligJournal-${creator.slug}-${date}.xml"`)
        .type('application/xml; charset=utf-8')
        .send(offentligJournalXml(creator, date, entries));
    },
  );
}
