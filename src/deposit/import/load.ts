// SPDX-License-Identifier: EUPL-1.2
// The writing half of `radhus import noark5`: one streamed pass over arkivstruktur.xml (saxes), then
// one over endringslogg.xml, inside ONE database transaction. What is kept in memory at a time is one
// case file's subtree and the frame above it (series, system, classes as their leaf values); a case
// file is written when its element closes, between parser chunks (the reader awaits `drain`), so
// memory stays flat. Document files are copied into the file store's staging area, their SHA-256
// checked against sjekksum, and committed only after every row is written, just before COMMIT; on any
// failure they are discarded, so a failed import leaves no rows, no files, no events.
import { createReadStream } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { AppContext } from '../../platform/context.ts';
import { withTenant, type Tx } from '../../platform/db/transaction.ts';
import type { StagedFile } from '../../platform/files/store.ts';
import { newId } from '../../platform/ids.ts';
import {
  importFonds, insertCaseFile, insertChange, insertClass, insertClassificationSystem, insertCrossReference, insertRetention, insertSeries, linkImportedSeries,
  listArchiveCodes, type ArchiveCtx,
} from '../../archive/service.ts';
import type { Tenant } from '../../tenants/service.ts';
import { readXml, xsiNamespace } from '../verify/xml.ts';
import { findAddml, readAddml } from '../verify/addml.ts';
import type { Progress } from '../export/progress.ts';
import { caseFileOf, child, day, instant, retentionOf, value, all, type Mapping, type Node } from './units.ts';
import { arkivstrukturNamespace, type ImportPlan } from './plan.ts';
import { addJournalRows, createJournalTable, journalRowsFor } from './repository.ts';

export interface LoadOptions {
  ctx: AppContext;
  tenant: Tenant;
  actor: string;
  progress: Progress;
}

export interface LoadResult {
  series: { id: string; systemId: string; title: string }[];
  counts: { series: number; classes: number; caseFiles: number; entries: number; documents: number; files: number; crossReferences: number; changes: number };
  /** what was not loaded, or loaded differently, each saying which (→ count) */
  unmapped: Map<string, number>;
}

/** A file of the package that is not what arkivstruktur.xml says (checked again while it is copied). */
export class ImportFileError extends Error {
  constructor(readonly file: string, readonly element: string, message: string) {
    super(message);
  }
}

const units = new Set(['arkiv', 'arkivdel', 'klassifikasjonssystem', 'klasse', 'mappe', 'registrering']);
const NO_VALUE = '(ingen verdi)';

export async function loadPackage(dir: string, plan: ImportPlan, o: LoadOptions): Promise<LoadResult> {
  const staged: StagedFile[] = [];
  const result: LoadResult = { series: [], counts: { series: 0, classes: 0, caseFiles: 0, entries: 0, documents: 0, files: 0, crossReferences: 0, changes: 0 }, unmapped: new Map() };
  const note = (what: string) => result.unmapped.set(what, (result.unmapped.get(what) ?? 0) + 1);
  const c: ArchiveCtx = { tenantId: o.tenant.id, actor: o.actor, at: o.ctx.clock.now() };
  try {
    return await withTenant(o.ctx.db, { tenantId: o.tenant.id, actor: { kind: 'cli', id: o.actor, name: o.actor } }, async (tx) => {
      const codes = await listArchiveCodes(tx);
      const codeOf = (list: string) => {
        const map = new Map<string, string>();
        for (const k of codes.filter((x) => x.list === list)) map.set(k.name.toLowerCase(), k.code).set(k.code.toLowerCase(), k.code);
        return (name: string) => map.get(name.toLowerCase()) ?? name;
      };
      const m: Mapping = { names: { documentType: codeOf('document-type'), remarkType: codeOf('remark-type') }, unmapped: result.unmapped, note, objects: [], unnumbered: new Map() };
      const classificationType = codeOf('classification-type');
      const fondsId = await importFonds(tx);
      // How the package's period ended (utgaaendeSkille): the separation its series were closed with.
      const addmlName = findAddml(dir);
      const outgoing = addmlName ? (await readAddml(dir, addmlName)).utgaaendeSkille : undefined;
      const separation = outgoing === 'mykt' ? 'soft' : outgoing === 'skarpt' ? 'sharp' : null;
      await loadJournal(tx, dir);
      const seriesBySystemId = new Map<string, string>();
      const links: { id: string; predecessor: string | null; successor: string | null }[] = [];
      const crossRefs: { from: { type: 'case-file' | 'registry-entry'; id: string }; to: string }[] = [];

      // The ops of the pass, run in order between chunks (handlers are synchronous, writes are not).
      const ops: (() => Promise<void>)[] = [];
      const stack: { node: Node; id?: string; flushed?: boolean }[] = [];
      let system: string | null = null;
      const frameOf = (name: string) => [...stack].reverse().find((f) => f.node.name === name);

      /** Writes a frame unit (system, class; a series only takes its id) once its own values are read: at its first child unit, or its end. */
      const flush = (f: { node: Node; id?: string; flushed?: boolean }) => {
        if (f.flushed) return;
        f.flushed = true;
        const n = f.node;
        const createdAt = instant(value(n, 'opprettetDato')) ?? c.at;
        const createdBy = value(n, 'opprettetAv') ?? o.actor;
        const systemId = value(n, 'systemID')!;
        const id = n.name === 'arkivdel' ? seriesBySystemId.get(systemId)! : newId();
        f.id = id;
        if (n.name === 'arkivdel') {
          // Written before the pass (readSeries): a case file may name a series further on.
          system = null;
        } else if (n.name === 'klassifikasjonssystem') {
          system = id;
          const seriesId = frameOf('arkivdel')?.id;
          ops.push(async () => {
            const type = value(n, 'klassifikasjonstype');
            await insertClassificationSystem(tx, c, { id, systemId, title: value(n, 'tittel') ?? '–', type: type ?? 'Funksjonsbasert, hierarkisk', typeCode: type ? classificationType(type) : 'FH', createdAt, createdBy }, seriesId ?? null);
          });
        } else if (n.name === 'klasse') {
          const parent = stack.at(-2)?.node.name === 'klasse' ? stack.at(-2)!.id! : null;
          const systemUuid = system;
          result.counts.classes++;
          const kassasjon = retentionOf(child(n, 'kassasjon'), 'class', id, createdAt, createdBy);
          ops.push(async () => {
            if (!systemUuid) throw new ImportFileError('arkivstruktur.xml', 'klasse', `class ${systemId} (line ${n.line}) is not in a klassifikasjonssystem`);
            await insertClass(tx, c, { id, systemId, classificationSystemId: systemUuid, parentId: parent, classId: value(n, 'klasseID') ?? systemId, title: value(n, 'tittel') ?? '–', createdAt, createdBy });
            if (kassasjon) await insertRetention(tx, c, kassasjon);
          });
        }
        // Only the frame's leaf values are kept past this point.
        n.children = n.children.filter((x) => x.children.length === 0);
      };

      const writeCase = (n: Node) => {
        const series = frameOf('arkivdel');
        const named = value(n, 'referanseArkivdel');
        const seriesId = named ? seriesBySystemId.get(named) : series?.id;
        if (!seriesId) throw new ImportFileError('arkivstruktur.xml', 'referanseArkivdel', `case file ${value(n, 'systemID')} (line ${n.line}) names series ${named}, which is not in the package`);
        const classId = frameOf('klasse')?.id ?? null;
        m.objects = [];
        const k = caseFileOf(n, seriesId, classId, m);
        const files = m.objects;
        for (const x of all(n, 'kryssreferanse')) for (const t of x.children) crossRefs.push({ from: { type: 'case-file', id: k.id }, to: t.text.trim() });
        for (const [i, r] of all(n, 'registrering').entries())
          for (const x of all(r, 'kryssreferanse')) for (const t of x.children) crossRefs.push({ from: { type: 'registry-entry', id: k.entries[i]!.id }, to: t.text.trim() });
        result.counts.caseFiles++;
        result.counts.entries += k.entries.length;
        result.counts.documents += k.entries.reduce((s, e) => s + e.documents.length, 0);
        ops.push(async () => {
          const objects = new Map(k.entries.flatMap((e) => e.documents.flatMap((d) => d.objects)).map((x) => [x.id, x]));
          for (const f of files) {
            const path = resolve(dir, f.path);
            if (!path.startsWith(resolve(dir) + sep)) throw new ImportFileError('arkivstruktur.xml', 'referanseDokumentfil', `${f.path} points outside the package`);
            const file = await o.ctx.files.stage(createReadStream(path));
            staged.push(file);
            if (file.checksum !== f.checksum) throw new ImportFileError(f.path, 'sjekksum', `${f.path}: SHA-256 ${file.checksum}, arkivstruktur.xml says ${f.checksum}`);
            const object = objects.get(f.id)!;
            object.size = file.size;
            result.counts.files++;
          }
          // Unit and officer of each journal post, where arkivstruktur.xml had no internal party to carry them.
          const journal = await journalRowsFor(tx, k.entries.map((e) => e.systemId));
          for (const e of k.entries) {
            const j = journal.get(e.systemId);
            e.unit ??= j?.unit ?? null;
            e.officer ??= j?.officer ?? null;
          }
          const { unresolvedFollowUps } = await insertCaseFile(tx, c, k);
          for (const _ of unresolvedFollowUps) note('avskrivning/referanseAvskrivesAvJournalpost (entry not found: loaded without it)');
          o.progress.tick(1);
        });
      };

      // The series first, all of them: a case file under a shared classification system names its
      // series by referanseArkivdel, and that series may come later in the file.
      for (const n of await readSeries(dir)) {
        const id = newId();
        const systemId = value(n, 'systemID')!;
        const createdAt = instant(value(n, 'opprettetDato')) ?? c.at;
        const createdBy = value(n, 'opprettetAv') ?? o.actor;
        seriesBySystemId.set(systemId, id);
        if (value(n, 'arkivdelstatus') !== 'Avsluttet periode') note(`arkivdel/arkivdelstatus "${value(n, 'arkivdelstatus')}" (imported as closed)`);
        links.push({ id, predecessor: value(n, 'referanseForloeper'), successor: value(n, 'referanseArvtaker') });
        result.series.push({ id, systemId, title: value(n, 'tittel') ?? '–' });
        result.counts.series++;
        // Imported series are history: closed, whatever their status was where they came from, so
        // none competes with the municipality's own active series.
        await insertSeries(tx, c, fondsId, {
          id, systemId, title: value(n, 'tittel') ?? '–', status: 'closed', periodStart: day(value(n, 'arkivperiodeStartDato')) ?? createdAt.toISOString().slice(0, 10),
          periodEnd: day(value(n, 'arkivperiodeSluttDato')), createdAt, createdBy, closedAt: instant(value(n, 'avsluttetDato')) ?? c.at, closedBy: value(n, 'avsluttetAv') ?? o.actor,
          classificationSystemId: null, separation,
        });
        const kassasjon = retentionOf(child(n, 'kassasjon'), 'series', id, createdAt, createdBy);
        if (kassasjon) await insertRetention(tx, c, kassasjon);
      }

      o.progress.phase('arkivstruktur.xml', plan.counts.mappe);
      await readXml(join(dir, 'arkivstruktur.xml'), {
        open(tag, line) {
          const parent = stack.at(-1);
          if (tag.uri !== arkivstrukturNamespace) note(`{${tag.uri}}${tag.local} (not loaded)`);
          if (units.has(tag.local) && parent && !parent.flushed && parent.node.name !== 'mappe' && parent.node.name !== 'registrering') flush(parent);
          const type = (Object.values(tag.attributes).find((a) => a.uri === xsiNamespace && a.local === 'type')?.value ?? '').replace(/^.*:/, '');
          const node: Node = { name: tag.local, type, line, text: '', children: [] };
          parent?.node.children.push(node);
          stack.push({ node });
        },
        text(t) {
          const top = stack.at(-1);
          if (top && top.node.children.length === 0) top.node.text += t;
        },
        close() {
          const f = stack.pop()!;
          const n = f.node;
          const parent = stack.at(-1);
          if (['arkivdel', 'klassifikasjonssystem', 'klasse'].includes(n.name)) {
            flush(f);
            parent?.node.children.pop();
          } else if (n.name === 'mappe' && !stack.some((s) => s.node.name === 'mappe')) {
            if (n.type && n.type !== 'saksmappe') note(`mappe of type ${n.type} (not loaded)`);
            else writeCase(n);
            parent?.node.children.pop();
          } else if (n.name === 'registrering' && !stack.some((s) => s.node.name === 'mappe')) {
            note('registrering outside a mappe (not loaded)');
            parent?.node.children.pop();
          }
        },
        async drain() {
          while (ops.length) await ops.shift()!();
        },
      });
      o.progress.done();

      await linkImportedSeries(tx, links);
      const seriesIds = result.series.map((s) => s.id);
      for (const x of crossRefs) {
        if (await insertCrossReference(tx, c, seriesIds, x.from, x.to)) result.counts.crossReferences++;
        else note('kryssreferanse (target not in the package: not loaded)');
      }

      o.progress.phase('endringslogg.xml', 0);
      await loadChangeLog(tx, dir, c, seriesIds, result, note, o.progress);
      o.progress.done();

      // Rows written; the files enter the store now, just before COMMIT.
      for (const file of staged) await file.commit();
      return result;
    });
  } finally {
    for (const file of staged) await file.discard();
  }
}

/** Each arkivdel's own elements (its values and kassasjon), without what it holds: a streamed pass. */
async function readSeries(dir: string): Promise<Node[]> {
  const found: Node[] = [];
  const stack: Node[] = [];
  let series: Node | undefined;
  let done = false;
  await readXml(join(dir, 'arkivstruktur.xml'), {
    open(tag, line) {
      const node: Node = { name: tag.local, type: '', line, text: '', children: [] };
      if (tag.local === 'arkivdel' && stack.length === 1) {
        series = node;
        done = false;
      } else if (series && stack.length === 2 && units.has(tag.local)) done = true;
      if (series && !done && stack.length >= 2) stack.at(-1)!.children.push(node);
      stack.push(node);
    },
    text(t) {
      const top = stack.at(-1);
      if (series && !done && top && top.children.length === 0) top.text += t;
    },
    close() {
      const node = stack.pop();
      if (node === series && series) {
        found.push(series);
        series = undefined;
      }
    },
  });
  return found;
}

/** Unit and officer per journal post from loependeJournal.xml, into the import's temporary table. */
async function loadJournal(tx: Tx, dir: string): Promise<void> {
  await createJournalTable(tx);
  const batch: { systemId: string; unit: string | null; officer: string | null }[] = [];
  let post: { systemId: string; unit: string | null; officer: string | null } | undefined;
  let depth = 0;
  let text = '';
  await readXml(join(dir, 'loependeJournal.xml'), {
    open(tag) {
      text = '';
      if (tag.local === 'journalpost') {
        post = { systemId: '', unit: null, officer: null };
        depth = 0;
      } else if (post) depth++;
    },
    text(t) {
      text += t;
    },
    close(tag) {
      if (!post) return;
      if (tag.local === 'journalpost') {
        if (post.systemId) batch.push(post);
        post = undefined;
        return;
      }
      // Only the journal post's own children: a part's or a case's elements of the same name are not its.
      if (depth === 1 && tag.local === 'systemID') post.systemId = text.trim();
      if (depth === 1 && tag.local === 'administrativEnhet') post.unit = text.trim() || null;
      if (depth === 1 && tag.local === 'saksbehandler') post.officer = text.trim() || null;
      depth--;
    },
    async drain() {
      await addJournalRows(tx, batch.splice(0));
    },
  });
}

async function loadChangeLog(tx: Tx, dir: string, c: ArchiveCtx, seriesIds: string[], result: LoadResult, note: (what: string) => void, progress: Progress): Promise<void> {
  const pending: Node[] = [];
  let current: Node | undefined;
  let field: Node | undefined;
  await readXml(join(dir, 'endringslogg.xml'), {
    open(tag, line) {
      if (tag.local === 'endring') current = { name: 'endring', type: '', line, text: '', children: [] };
      else if (current) current.children.push((field = { name: tag.local, type: '', line, text: '', children: [] }));
    },
    text(t) {
      if (field) field.text += t;
    },
    close(tag) {
      if (tag.local === 'endring' && current) {
        pending.push(current);
        current = undefined;
      }
      field = undefined;
    },
    async drain() {
      for (const e of pending.splice(0)) {
        const unit = value(e, 'referanseArkivenhet');
        const at = instant(value(e, 'endretDato'));
        const plain = (v: string | null) => (v === null || v === NO_VALUE ? null : v);
        if (!unit || !at || !(await insertChange(tx, c, seriesIds, { unitSystemId: unit, element: value(e, 'referanseMetadata') ?? '–', at, actor: value(e, 'endretAv') ?? '–', oldValue: plain(value(e, 'tidligereVerdi')), newValue: plain(value(e, 'nyVerdi')) })))
          note('endring (unit not in the imported series: not loaded)');
        else result.counts.changes++;
        progress.tick(1);
      }
    },
  });
}
