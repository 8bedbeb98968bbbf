// SPDX-License-Identifier: EUPL-1.2
// ERMS.xml (FGS Ärendehantering 2.0 = CITS ERMS 2.1.2): the archive's case files as aggregations of
// type caseFile, their registry entries as records with the document files as appendices pointing
// into representations/rep1/data. Case files come in the Noark export's keyset batches
// (export/arkivstruktur.ts loadBatch), one batch in memory at a time. Screening becomes an ERMS
// restriction of type confidential whose regulation is the provision the municipality recorded
// (for a Swedish municipality a paragraph of OSL, offentlighets- och sekretesslagen 2009:400).
import type { AppContext } from '../../platform/context.ts';
import { withTenant, type Tx } from '../../platform/db/transaction.ts';
import type { Screening } from '../../common/screening.ts';
import { formatNumber } from '../../archive/service.ts';
import type { Tenant } from '../../tenants/service.ts';
import { loadBatch, type Frame } from '../export/arkivstruktur.ts';
import * as repo from '../export/repository.ts';
import type { Batch } from '../export/units.ts';
import type { Progress } from '../export/progress.ts';
import { Writer } from './xml.ts';

export const ERMS_NS = 'https://DILCIS.eu/XML/ERMS';

/** A file placed in representations/rep1/data for one document object. */
export interface DataFile { name: string; checksum: string; size: number; mime: string; title: string }

export interface ErmsOptions {
  ctx: AppContext;
  tenant: Tenant;
  actor: string;
  batchSize: number;
  progress: Progress;
  at: Date;
  /** Copies the files of a batch into the package; by document id. */
  placeFiles(batch: Batch): Promise<Map<string, DataFile[]>>;
}

export interface ErmsCounts { caseFiles: number; records: number; files: number; restricted: number }

const readAs = <T>(o: ErmsOptions, work: (tx: Tx) => Promise<T>) =>
  withTenant(o.ctx.db, { tenantId: o.tenant.id, actor: { kind: 'cli', id: o.actor, name: o.actor } }, work);

// The archive's states (archive/noark-codes.ts keys) mapped onto the ERMS vocabularies.
const caseStatus = (s: string) => ({ 'in-progress': 'in_progress', 'closed-by-officer': 'expedited', closed: 'closed', void: 'obliterated' })[s] ?? 'closed';
const entryStatus = (s: string) => ({ archived: 'ad_acta', dispatched: 'expedited', void: 'obliterated', registered: 'closed', finalised: 'closed', approved: 'closed' })[s] ?? 'in_progress';
const directionOf = (type: string) =>
  ({ incoming: 'incoming', outgoing: 'outgoing', 'internal-with-followup': 'internal_memo_for_follow-up', 'internal-without-followup': 'internal_memo_without_follow-up', 'case-memo': 'case_draft' })[type] ?? 'other';
const partyType = (role: string) => (role === 'sender' || role === 'internal-sender' ? 'sender' : role === 'recipient' || role === 'copy' || role === 'internal-recipient' ? 'recipient' : 'counterpart');
const day = (d: Date | string) => (d instanceof Date ? d.toISOString().slice(0, 10) : d.slice(0, 10));

function restriction(w: Writer, s: Screening | null, counts: ErmsCounts): void {
  if (!s) return;
  counts.restricted++;
  w.start('restriction', { restrictionType: 'confidential' })
    .leaf('explanatoryText', `Sekretessmarkering ${s.accessCode}${s.fields.length ? `: ${s.fields.join(', ')}` : ''}`)
    .leaf('regulation', s.legalBasis)
    .end();
}

function writeRecord(w: Writer, e: repo.EntryRow, batch: Batch, files: Map<string, DataFile[]>, counts: ErmsCounts): void {
  counts.records++;
  const direction = directionOf(e.type);
  w.start('record', { systemIdentifier: e.system_id, recordType: 'journalpost', recordPhysicalOrDigital: 'digitial' })
    .leaf('objectId', formatNumber(e.entry_year, e.entry_sequence))
    .leaf('title', e.title)
    .empty('status', { value: entryStatus(e.status) });
  restriction(w, e.screening, counts);
  w.empty('direction', direction === 'other' ? { directionDefinition: 'other', otherDirectionDefinition: e.type } : { directionDefinition: direction });
  const parties = batch.correspondents.get(e.id) ?? [];
  if (parties.length || e.officer) {
    w.start('agents');
    for (const p of parties) w.start('agent', { agentType: partyType(p.role) }).leaf('name', p.name).end();
    if (e.officer) w.start('agent', { agentType: 'responsible_person' }).leaf('name', e.officer).end();
    w.end();
  }
  w.leaf('description', e.description);
  // The journal date (registration) has no ERMS date type of its own: 'other' with its Swedish name.
  w.start('dates')
    .leaf('date', e.created_at, { dateType: 'created' })
    .leaf('date', e.received_date ? `${day(e.received_date)}T00:00:00` : null, { dateType: 'received' })
    .leaf('date', e.sent_date ? `${day(e.sent_date)}T00:00:00` : null, { dateType: 'sent' })
    .leaf('date', `${day(e.journal_date)}T00:00:00`, { dateType: 'other', otherDateType: 'registreringsdatum' })
    .end();
  const attached = (batch.documents.get(e.id) ?? []).flatMap((d) => files.get(d.id) ?? []);
  if (attached.length) {
    w.start('additionalInformation');
    for (const f of attached) {
      counts.files++;
      w.empty('appendix', { name: f.name, description: f.title, fileFormat: f.mime, path: `representations/rep1/data/${f.name}` });
    }
    w.end();
  }
  w.end();
}

function writeCase(w: Writer, c: repo.CaseRow, klass: repo.ClassRow | undefined, batch: Batch, files: Map<string, DataFile[]>, counts: ErmsCounts): void {
  counts.caseFiles++;
  w.start('aggregation', { systemIdentifier: c.system_id, aggregationType: 'caseFile' }).leaf('objectId', formatNumber(c.case_year, c.case_sequence));
  if (klass) w.leaf('classification', klass.title, { classificationCode: klass.class_id });
  if (c.keywords.length) {
    w.start('keywords');
    for (const k of c.keywords) w.leaf('keyword', k);
    w.end();
  }
  w.leaf('title', c.title).empty('status', { value: caseStatus(c.status) });
  restriction(w, c.screening, counts);
  // ERMS has no description of an aggregation; the case file's description is Noark's, not the title.
  if (c.officer) w.start('agents').start('agent', { agentType: 'responsible_person' }).leaf('name', c.officer).end().end();
  w.start('dates').leaf('date', c.created_at, { dateType: 'created' });
  if (c.closed_at) w.leaf('date', c.closed_at, { dateType: 'closed' });
  w.end();
  for (const e of batch.entries.get(c.id) ?? []) writeRecord(w, e, batch, files, counts);
  w.end();
}

export async function writeErms(path: string, frame: Frame, o: ErmsOptions): Promise<ErmsCounts> {
  const counts: ErmsCounts = { caseFiles: 0, records: 0, files: 0, restricted: 0 };
  const w = new Writer(path);
  try {
    w.start('erms', { xmlns: ERMS_NS, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': `${ERMS_NS} ../../schemas/ERMS.xsd` })
      .start('control')
      .leaf('identification', frame.fonds.system_id, { identificationType: 'archive' })
      .start('maintenanceInformation')
      .empty('maintenanceStatus', { value: 'new' })
      .start('maintenanceAgency').leaf('agencyName', o.tenant.name).end()
      .start('maintenanceHistory')
      .start('maintenanceEvent').empty('eventType', { value: 'created' }).leaf('eventDateTime', o.at).start('agent', { agentType: 'archiver' }).leaf('name', o.actor).end().end()
      .end()
      .end()
      .end()
      .start('aggregations');
    for (const s of frame.series) {
      w.start('aggregation', { systemIdentifier: s.row.system_id, aggregationType: 'own_aggregation_definition', otherAggregationType: 'arkivdel' })
        .leaf('objectId', s.row.system_id)
        .leaf('title', s.row.title)
        .start('dates').leaf('date', `${day(s.row.period_start)}T00:00:00`, { dateType: 'created' }).end();
      const byId = new Map(s.classes.map((k) => [k.id, k]));
      // Case files without a class (classId null) come last.
      for (const klass of [...s.classes.filter((k) => !s.classes.some((c) => c.parent_id === k.id)), undefined]) {
        let after: [number, number] = [0, 0];
        for (;;) {
          const { cases, batch } = await readAs(o, async (tx) => {
            const cases = await repo.readCaseBatch(tx, s.row.id, klass?.id ?? null, after, o.batchSize);
            return { cases, batch: cases.length ? await loadBatch(tx, cases) : undefined };
          });
          if (!cases.length || !batch) break;
          const files = await o.placeFiles(batch);
          for (const c of cases) writeCase(w, c, c.class_id ? byId.get(c.class_id) : undefined, batch, files, counts);
          await w.flush();
          o.progress.tick(cases.length);
          const last = cases[cases.length - 1]!;
          after = [last.case_year, last.case_sequence];
          if (cases.length < o.batchSize) break;
        }
      }
      w.end();
    }
    w.end().end();
    await w.close();
    return counts;
  } catch (error) {
    w.abort();
    throw error;
  }
}
