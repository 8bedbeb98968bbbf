// SPDX-License-Identifier: EUPL-1.2
// loependeJournal.xml and offentligJournal.xml, written side by side in one pass over the journal
// posts in journal order. The public journal holds what the public may see: the public titles,
// and screened names replaced, never the screened text.
import type { AppContext } from '../../platform/context.ts';
import { withTenant } from '../../platform/db/transaction.ts';
import { followUpCodes } from '../../archive/service.ts';
import { formatNumber } from '../../archive/service.ts';
import { SCREENED_MARK, type Screening } from '../../common/screening.ts';
import type { Tenant } from '../../tenants/service.ts';
import { NS } from './arkivstruktur.ts';
import { XmlWriter } from './xml-writer.ts';
import * as repo from './repository.ts';
import { group, partiesOf, type Batch } from './units.ts';
import type { Progress } from './progress.ts';

export interface JournalCounts {
  journalposter: number;
  first: string;
  last: string;
}

const screens = (s: Screening | null, field: Screening['fields'][number]) => Boolean(s?.fields.includes(field));
/** A party screened on its own (a JSON null or absent column means not). */
const isScreenedParty = (screening: unknown) => screening !== null && screening !== undefined && screening !== 'null';
const accessOf = (w: XmlWriter, s: Screening | null) => {
  if (s) w.leaf('tilgangsrestriksjon', s.accessCode).leaf('skjermingshjemmel', s.legalBasis);
};

export async function writeJournals(dir: { loepende: string; offentlig: string }, o: { ctx: AppContext; tenant: Tenant; actor: string; seriesIds: string[]; batchSize: number; progress: Progress; creators: repo.CreatorRow[] }): Promise<JournalCounts> {
  const read = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(o.ctx.db, { tenantId: o.tenant.id, actor: { kind: 'cli', id: o.actor, name: o.actor } }, work);
  const bounds = await read((tx) => repo.readJournalBounds(tx, o.seriesIds));
  if (!bounds.n || !bounds.first || !bounds.last) throw new Error('the series have no journal posts in closed case files: a Noark 5 journal needs at least one');
  const writers = { loepende: new XmlWriter(dir.loepende), offentlig: new XmlWriter(dir.offentlig) };
  try {
    for (const [name, w] of [['loependeJournal', writers.loepende], ['offentligJournal', writers.offentlig]] as const) {
      w.start(name, { xmlns: `${NS}/${name}` }).start('journalhode').required('journalStartDato', bounds.first).required('journalSluttDato', bounds.last).required('antallJournalposter', bounds.n);
      const creators = o.creators.length ? o.creators : [{ creator_id: o.tenant.officialNumber, name: o.tenant.name, description: null }];
      for (const c of creators) w.start('arkivskaper').required('arkivskaperID', c.creator_id).required('arkivskaperNavn', c.name).end();
      w.end();
    }
    let after: repo.JournalKey | undefined;
    let written = 0;
    for (;;) {
      const { entries, batch } = await read(async (tx) => {
        const entries = await repo.readJournalBatch(tx, o.seriesIds, after, o.batchSize);
        const entryIds = entries.map((e) => e.id);
        const correspondents = group(await repo.readCorrespondents(tx, entryIds), (r) => r.registry_entry_id);
        const followUps = group(await repo.readFollowUps(tx, entryIds), (r) => r.registry_entry_id);
        return { entries, batch: { correspondents, followUps } as Pick<Batch, 'correspondents' | 'followUps'> };
      });
      for (const e of entries) {
        writeJournalRegistration(writers.loepende, e, batch as Batch, false);
        writeJournalRegistration(writers.offentlig, e, batch as Batch, true);
      }
      written += entries.length;
      o.progress.tick(entries.length);
      await writers.loepende.flush();
      await writers.offentlig.flush();
      if (entries.length < o.batchSize) break;
      const last = entries[entries.length - 1]!;
      after = [last.entry_year, last.entry_sequence, last.id];
    }
    writers.loepende.end();
    writers.offentlig.end();
    await writers.loepende.close();
    await writers.offentlig.close();
    return { journalposter: written, first: bounds.first, last: bounds.last };
  } catch (error) {
    writers.loepende.abort();
    writers.offentlig.abort();
    throw error;
  }
}

function writeJournalRegistration(w: XmlWriter, e: repo.JournalRow, b: Batch, isPublic: boolean): void {
  w.start('journalregistrering');
  if (e.class_code) {
    w.start('klasse').required('klasseID', e.class_code).required('tittel', e.class_title ?? e.class_code);
    w.end();
  }
  w.start('saksmappe').required('mappeID', formatNumber(e.case_year, e.case_sequence)).required('saksaar', e.case_year).required('sakssekvensnummer', e.case_sequence);
  if (isPublic) {
    w.leaf('offentligTittel', e.case_public_title).leaf('administrativEnhet', e.case_unit).leaf('saksansvarlig', e.case_officer);
    accessOf(w, e.case_screening);
  } else {
    w.required('tittel', e.case_title).leaf('offentligTittel', e.case_public_title).leaf('administrativEnhet', e.case_unit).leaf('saksansvarlig', e.case_officer).leaf('referanseArkivdel', e.series_system_id);
  }
  w.end();
  const followUp = b.followUps.get(e.id)?.[0];
  w.start('journalpost').required('systemID', e.system_id).required('journalaar', e.entry_year).required('journalsekvensnummer', e.entry_sequence).required('journalpostnummer', e.number_in_case);
  if (!isPublic) w.required('tittel', e.title);
  w.leaf('offentligTittel', e.public_title);
  if (!isPublic) w.leaf('offentlighetsvurdertDato', e.published_at ? e.published_at.toISOString().slice(0, 10) : null);
  w.required('journaldato', e.journal_date).leaf('dokumentetsDato', e.document_date);
  if (followUp) w.leaf('avskrivningsdato', followUp.followed_up_at.toISOString().slice(0, 10)).leaf('avskrivningsmaate', followUpCodes[followUp.method as keyof typeof followUpCodes]?.name ?? followUp.method);
  w.leaf('administrativEnhet', e.unit).leaf('saksbehandler', e.officer);
  if (followUp) w.leaf('referanseAvskrivesAvJournalpost', followUp.by_entry);
  accessOf(w, e.screening);
  for (const p of partiesOf(e, b)) {
    w.start('korrespondansepart').required('korrespondanseparttype', p.type).required('korrespondansepartNavn', isPublic && (screens(e.screening, 'correspondents') || isScreenedParty(p.row?.own_screening)) ? SCREENED_MARK : p.name);
    w.end();
  }
  w.end().end();
}
