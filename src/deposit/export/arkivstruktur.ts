// SPDX-License-Identifier: EUPL-1.2
// arkivstruktur.xml: arkiv → arkivdel → klassifikasjonssystem → klasse → saksmappe → journalpost →
// dokumentbeskrivelse → dokumentobjekt. The frame is read whole (it is small); case files come in
// keyset batches, each batch with everything hanging on it, written and flushed before the next is
// read, so memory stays flat however large the archive.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { withTenant, type Tx } from '../../platform/db/transaction.ts';
import type { Tenant } from '../../tenants/service.ts';
import { XmlWriter } from './xml-writer.ts';
import * as repo from './repository.ts';
import { group, writeCaseFile, writeKassasjon, type Batch, type PackageFile, type UnitContext } from './units.ts';
import type { Progress } from './progress.ts';

export const NS = 'http://www.arkivverket.no/standarder/noark5';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface Frame {
  fonds: repo.FondsRow;
  creators: repo.CreatorRow[];
  series: { row: repo.SeriesRow; system: repo.SystemRow | undefined; classes: repo.ClassRow[]; retention: Map<string, repo.RetentionRow> }[];
}

export interface WriteOptions {
  ctx: AppContext;
  tenant: Tenant;
  actor: string;
  batchSize: number;
  progress: Progress;
  /** Prepares the files of a batch (copy, convert, detect format) before it is written. */
  prepareFiles(batch: Batch): Promise<Map<string, PackageFile>>;
  names: UnitContext['names'];
  /** when the extraction was made: avsluttetDato of a fonds or series that is still open */
  at: Date;
}

const readAs = <T>(o: WriteOptions, work: (tx: Tx) => Promise<T>) =>
  withTenant(o.ctx.db, { tenantId: o.tenant.id, actor: { kind: 'cli', id: o.actor, name: o.actor } }, work);

/** A UUID derived from a name, for the one unit we make up (the class of case files without one). */
export const derivedUuid = (name: string): string => {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export async function loadBatch(tx: Tx, cases: repo.CaseRow[]): Promise<Batch> {
  const caseIds = cases.map((c) => c.id);
  const entries = await repo.readEntries(tx, caseIds);
  const entryIds = entries.map((e) => e.id);
  const documents = await repo.readDocuments(tx, entryIds);
  const documentIds = documents.map((d) => d.id);
  const objects = await repo.readObjects(tx, documentIds);
  const objectIds = objects.map((o) => o.id);
  const targets = [...caseIds, ...entryIds, ...documentIds];
  const conversions = await repo.readConversions(tx, objectIds);
  return {
    entries: group(entries, (e) => e.case_file_id),
    correspondents: group(await repo.readCorrespondents(tx, entryIds), (r) => r.registry_entry_id),
    followUps: group(await repo.readFollowUps(tx, entryIds), (r) => r.registry_entry_id),
    documents: group(documents, (d) => d.registry_entry_id),
    objects: group(objects, (o) => o.document_id),
    // The newest conversion of an object is the one deposited, made for an extraction (no object of
    // its own). A conversion that made an object (an imported one) is written with that object.
    conversions: new Map(conversions.filter((c) => !c.to_object_id).map((c) => [c.from_object_id, c])),
    produced: group(conversions.filter((c) => c.to_object_id), (c) => c.to_object_id!),
    remarks: group(await repo.readRemarks(tx, targets), (r) => r.target_id),
    crossRefs: group(await repo.readCrossReferences(tx, targets), (r) => r.from_id),
    retention: new Map((await repo.readRetention(tx, targets)).map((r) => [r.target_id, r])),
    disposals: new Map((await repo.readDisposals(tx, [...caseIds, ...documentIds])).map((r) => [r.target_id, r])),
    deletions: new Map((await repo.readDeletions(tx, objectIds)).map((r) => [r.document_object_id, r])),
    archivers: new Map((await repo.readArchivers(tx, entryIds)).map((r) => [r.entity_id, r.actor])),
  };
}

export async function readFrame(o: WriteOptions, seriesArg: string): Promise<Frame> {
  return readAs(o, async (tx) => {
    const series = await repo.readSeries(tx, seriesArg === 'all' ? null : seriesArg);
    if (!series.length) throw new Error(seriesArg === 'all' ? `${o.tenant.slug} has no series to export` : `${o.tenant.slug} has no series with id or systemID "${seriesArg}"`);
    const fonds = (await repo.readFonds(tx)).find((f) => f.id === series[0]!.fonds_id);
    if (!fonds) throw new Error(`the fonds of series "${series[0]!.title}" was not found`);
    const others = series.filter((s) => s.fonds_id !== fonds.id);
    if (others.length) throw new Error(`series ${others.map((s) => `"${s.title}"`).join(', ')} belong to another fonds; export them separately with --series`);
    const frame: Frame = { fonds, creators: await repo.readCreators(tx, fonds.id), series: [] };
    for (const row of series) {
      const system = row.classification_system_id ? await repo.readSystem(tx, row.classification_system_id) : undefined;
      const classes = system ? await repo.readClasses(tx, system.id) : [];
      const retention = new Map((await repo.readRetention(tx, [row.id, ...classes.map((c) => c.id)])).map((r) => [r.target_id, r]));
      frame.series.push({ row, system, classes, retention });
    }
    return frame;
  });
}

const seriesStatus = { active: 'Aktiv periode', overlap: 'Overlappingsperiode', closed: 'Avsluttet periode' } as const;

export async function writeArkivstruktur(path: string, frame: Frame, o: WriteOptions, counts: UnitContext['counts']): Promise<void> {
  const w = new XmlWriter(path);
  try {
    const f = frame.fonds;
    w.start('arkiv', { xmlns: `${NS}/arkivstruktur`, 'xmlns:xsi': XSI, 'xsi:schemaLocation': `${NS}/arkivstruktur arkivstruktur.xsd` })
      .required('systemID', f.system_id)
      .required('tittel', f.title)
      .leaf('beskrivelse', f.description)
      .required('arkivstatus', f.status === 'closed' ? 'Avsluttet' : 'Opprettet')
      .required('opprettetDato', f.created_at)
      .required('opprettetAv', f.created_by)
      .required('avsluttetDato', f.closed_at ?? o.at)
      .required('avsluttetAv', f.closed_by ?? o.actor);
    for (const c of frame.creators) w.start('arkivskaper').required('arkivskaperID', c.creator_id).required('arkivskaperNavn', c.name).leaf('beskrivelse', c.description).end();
    if (!frame.creators.length) w.start('arkivskaper').required('arkivskaperID', o.tenant.officialNumber).required('arkivskaperNavn', o.tenant.name).end();
    const unit: UnitContext = { names: o.names, placed: new Map(), counts, today: o.at.toISOString().slice(0, 10), seriesRef: null };
    // A classification system shared by several series (a period closed and its successor opened)
    // is written once, under the last of them; the case files of the others sit in its classes with
    // referanseArkivdel naming their own series (M208), and those series are written without
    // children, as the schema allows. The last, so the series a case file names is read before it.
    const sharing = new Map<string, Frame['series']>();
    for (const s of frame.series) if (s.system) sharing.set(s.system.id, [...(sharing.get(s.system.id) ?? []), s]);
    for (const s of frame.series) {
      const r = s.row;
      w.start('arkivdel')
        .required('systemID', r.system_id)
        .required('tittel', r.title)
        .required('arkivdelstatus', seriesStatus[r.status])
        .required('opprettetDato', r.created_at)
        .required('opprettetAv', r.created_by)
        .required('avsluttetDato', r.closed_at ?? o.at)
        .required('avsluttetAv', r.closed_by ?? o.actor)
        .required('arkivperiodeStartDato', r.period_start)
        .leaf('arkivperiodeSluttDato', r.period_end)
        .leaf('referanseForloeper', r.predecessor)
        .leaf('referanseArvtaker', r.successor);
      writeKassasjon(w, s.retention.get(r.id), unit);
      await w.flush();
      const group = s.system ? sharing.get(s.system.id)! : [];
      if (s.system && group.at(-1) === s) {
        w.start('klassifikasjonssystem')
          .required('systemID', s.system.system_id)
          .leaf('klassifikasjonstype', o.names.classificationType(s.system.type_code))
          .required('tittel', s.system.title)
          .required('opprettetDato', s.system.created_at)
          .required('opprettetAv', s.system.created_by);
        let unclassified = false;
        for (const g of group) unclassified ||= (await readAs(o, (tx) => repo.readCaseBatch(tx, g.row.id, null, [0, 0], 1))).length > 0;
        const classes = [...s.classes];
        // Case files without a class get one made up for them (the schema has no place for them
        // beside classes); docs/decisions/0006-noark5-model.md says why.
        if (unclassified || !classes.length)
          classes.push({ id: '', system_id: derivedUuid(`${r.id}:unclassified`), parent_id: null, class_id: 'uklassifisert', title: 'Uklassifiserte saker', created_at: s.system.created_at, created_by: s.system.created_by });
        for (const k of classes.filter((c) => c.parent_id === null)) await writeClass(w, group, k, classes, s.retention, o, unit);
        w.end();
      } else if (!s.system) {
        await writeCases(w, r.id, null, o, unit);
      }
      w.end();
    }
    w.end();
    await w.close();
  } catch (error) {
    w.abort();
    throw error;
  }
}

async function writeClass(w: XmlWriter, group: Frame['series'], k: repo.ClassRow, all: repo.ClassRow[], retention: Map<string, repo.RetentionRow>, o: WriteOptions, unit: UnitContext): Promise<void> {
  w.start('klasse').required('systemID', k.system_id).required('klasseID', k.class_id).required('tittel', k.title).required('opprettetDato', k.created_at).required('opprettetAv', k.created_by);
  writeKassasjon(w, retention.get(k.id), unit);
  const children = k.id ? all.filter((c) => c.parent_id === k.id) : [];
  const home = group.at(-1)!;
  if (children.length) {
    // Leaf-class rule: case files hang on leaf classes only; a class with sub-classes has none.
    for (const g of group) {
      const misplaced = await readAs(o, (tx) => repo.readCaseBatch(tx, g.row.id, k.id, [0, 0], 1));
      if (misplaced.length) throw new Error(`class ${k.class_id} "${k.title}" has sub-classes and case files (e.g. ${misplaced[0]!.case_year}/${misplaced[0]!.case_sequence}); move them to a leaf class first`);
    }
    for (const child of children) await writeClass(w, group, child, all, retention, o, unit);
  } else {
    for (const g of group) {
      unit.seriesRef = g === home ? null : g.row.system_id;
      await writeCases(w, g.row.id, k.id || null, o, unit);
    }
    unit.seriesRef = null;
  }
  w.end();
}

async function writeCases(w: XmlWriter, seriesId: string, classId: string | null, o: WriteOptions, unit: UnitContext): Promise<void> {
  let after: [number, number] = [0, 0];
  for (;;) {
    const { cases, batch } = await readAs(o, async (tx) => {
      const cases = await repo.readCaseBatch(tx, seriesId, classId, after, o.batchSize);
      return { cases, batch: cases.length ? await loadBatch(tx, cases) : undefined };
    });
    if (!cases.length || !batch) return;
    unit.placed = await o.prepareFiles(batch);
    for (const c of cases) writeCaseFile(w, c, batch, unit);
    await w.flush();
    o.progress.tick(cases.length);
    const last = cases[cases.length - 1]!;
    after = [last.case_year, last.case_sequence];
    if (cases.length < o.batchSize) return;
  }
}

