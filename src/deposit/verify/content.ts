// SPDX-License-Identifier: EUPL-1.2
// The content checks: one streamed pass over arkivstruktur.xml, as Arkade makes it. Each element is a
// frame on a stack while it is open; what a check needs is recorded when the element closes. Kept in
// memory: the systemIDs (to find duplicates and resolve references), the references themselves, and the
// referenced document paths. Everything else is counted and forgotten.
import type { Addml } from './addml.ts';
import { DocumentChecks } from './documents.ts';
import { CheckCollector, type Finding } from './report.ts';
import { IdTable } from './id-table.ts';
import { isXsdDateOrDateTime, own, readXml, xsiNamespace } from './xml.ts';

const file = 'arkivstruktur.xml';

interface Frame {
  name: string;
  type: string;
  line: number;
  hasChild: boolean;
  text: string;
  systemId?: string;
  /** Leaf values of the few elements whose children a check reads together (dokumentobjekt, arkivdel). */
  values?: Map<string, string>;
  childKlasse?: boolean;
  childMappe?: boolean;
  childRegistrering?: boolean;
  /** a mappe's referanseArkivdel: the series it belongs to when that is not the arkivdel it sits in */
  seriesRef?: string;
}

/** Elements counted for the informational checks, by check id. */
const counted: Record<string, string[]> = {
  'N5.04': ['arkiv'], 'N5.05': ['arkivdel'], 'N5.07': ['klassifikasjonssystem'], 'N5.08': ['klasse'], 'N5.23': ['dokumentbeskrivelse'],
  'N5.26': ['dokumentobjekt'], 'N5.35': ['part', 'sakspart'], 'N5.36': ['merknad'], 'N5.37': ['referanseTilKlasse', 'referanseTilMappe', 'referanseTilRegistrering'],
  'N5.38': ['presedens'], 'N5.39': ['korrespondansepart'], 'N5.40': ['avskrivning'], 'N5.41': ['dokumentflyt'], 'N5.43': ['gradering'], 'N5.46': ['konvertering'],
};
/** Status values Arkade accepts (exact, case-sensitive). */
const allowedValues: Record<string, { check: string; allowed: string[] }> = {
  saksstatus: { check: 'N5.15', allowed: ['Avsluttet', 'Utgår'] },
  journalstatus: { check: 'N5.22', allowed: ['Arkivert', 'Utgår'] },
  dokumentstatus: { check: 'N5.25', allowed: ['Dokumentet er ferdigstilt'] },
};
/** ADDML flags and the elements whose presence they declare. */
const flagged: { check: string; flag: string; elements: string[] }[] = [
  { check: 'N5.42', flag: 'inneholderSkjermetInformasjon', elements: ['skjerming'] },
  { check: 'N5.44', flag: 'inneholderDokumenterSomSkalKasseres', elements: ['kassasjon'] },
  { check: 'N5.45', flag: 'omfatterDokumenterSomErKassert', elements: ['utfoertKassasjon'] },
];
const kept = new Set(['dokumentobjekt', 'arkivdel']);
/** Cross-references (RH.02) and the kind of unit each must name. */
const crossReferences: Record<string, string> = { referanseTilKlasse: 'klasse', referanseTilMappe: 'mappe', referanseTilRegistrering: 'registrering' };
const unitKinds = ['arkiv', 'arkivdel', 'klassifikasjonssystem', 'klasse', 'mappe', 'registrering', 'dokumentbeskrivelse', 'dokumentobjekt'];

interface Reference {
  value: string;
  element: string;
  line: number;
  systemId?: string;
}

/** What the journal and change-log checks need from the pass. */
export interface ArchiveFacts {
  journalposts: number;
  firstJournaldato?: string;
  lastJournaldato?: string;
  hasSystemId(value: string): boolean;
}

export class ContentPass {
  readonly checks = new Map<string, CheckCollector>();
  readonly documents: DocumentChecks;
  private readonly stack: Frame[] = [];
  /** Every systemID, tagged with its kind of unit (index in unitKinds + 1; 0 for others). */
  private readonly systemIds = new IdTable();
  /** Fingerprints seen twice: candidate duplicates, confirmed by a second read at the end. */
  private readonly candidates = new Set<string>();
  private uncheckedCandidates = 0;
  private readonly arkivdelReferences: Reference[] = [];
  private readonly classReferences: Reference[] = [];
  private readonly crossReferences: Reference[] = [];
  private readonly counts = new Map<string, number>();
  private readonly valueCounts = new Map<string, Map<string, number>>();
  private lastSystemId = '';
  private journalposts = 0;
  private firstJournaldato: string | undefined;
  private lastJournaldato: string | undefined;
  /** arkivperiodeStartDato/SluttDato per arkivdel systemID (few), for journal posts of folders that name their series */
  private readonly periods = new Map<string, { start?: string; end?: string }>();
  /** journal dates of folders naming a series further on in the file, checked at the end */
  private readonly deferredDates: { day: string; series: string; line: number; systemId?: string }[] = [];

  constructor(
    private readonly dir: string,
    private readonly addml: Addml,
    docDir: string | undefined,
  ) {
    this.documents = new DocumentChecks(dir, docDir);
  }

  check(id: string): CheckCollector {
    let check = this.checks.get(id);
    if (!check) this.checks.set(id, (check = new CheckCollector(id)));
    return check;
  }

  async run(): Promise<void> {
    await readXml(`${this.dir}/${file}`, {
      open: (tag, line) => {
        const parent = this.stack.at(-1);
        if (parent) {
          parent.hasChild = true;
          parent.text = '';
          if (parent.name === 'klasse' && tag.local === 'klasse') parent.childKlasse = true;
          if (parent.name === 'klasse' && tag.local === 'mappe') parent.childMappe = true;
          if (parent.name === 'klasse' && tag.local === 'registrering') parent.childRegistrering = true;
        }
        const xsiType = Object.values(tag.attributes).find((a) => a.uri === xsiNamespace && a.local === 'type')?.value ?? '';
        const frame: Frame = { name: tag.local, type: xsiType.replace(/^[^:]*:/, ''), line, hasChild: false, text: '' };
        if (kept.has(tag.local)) frame.values = new Map();
        this.stack.push(frame);
      },
      text: (text) => {
        const top = this.stack.at(-1);
        if (top && !top.hasChild && top.text.length < 65_536) top.text += text;
      },
      close: () => this.close(),
      drain: () => this.documents.drain(),
    });
  }

  private bump(map: Map<string, number>, key: string): void {
    const known = map.get(key);
    map.set(known === undefined ? own(key) : key, (known ?? 0) + 1);
  }

  private countValue(element: string, value: string): void {
    let values = this.valueCounts.get(element);
    if (!values) this.valueCounts.set(element, (values = new Map()));
    this.bump(values, value);
  }

  private close(): void {
    const frame = this.stack.pop()!;
    const parent = this.stack.at(-1);
    const value = frame.text.trim();
    const name = frame.name;
    this.bump(this.counts, name);
    const where = (element = name): Omit<Finding, 'message'> => ({ file, element, line: frame.line, ...(this.owner() ? { systemId: this.owner() } : {}) });

    if (!frame.hasChild && value === '')
      this.check('N5.63').fail({ ...where(), message: 'emptyElement', params: { element: name, after: this.lastSystemId || '–' } });
    if (parent?.values && !frame.hasChild) parent.values.set(name, value);

    if (name === 'systemID' && parent && value) {
      parent.systemId = value;
      this.lastSystemId = value;
      if (!this.systemIds.add(value, unitKinds.indexOf(parent.name) + 1)) {
        if (this.candidates.size < 10_000) this.candidates.add(IdTable.fingerprint(value));
        else this.uncheckedCandidates++;
      }
    }
    const status = allowedValues[name];
    if (status && value) {
      this.countValue(name, value);
      if (!status.allowed.includes(value))
        this.check(status.check).fail({ ...where(), message: 'statusNotAllowed', params: { element: name, value, allowed: status.allowed.join(', ') } });
    }
    if (name === 'arkivdelstatus') this.countValue(name, value);
    if (name === 'journalposttype') {
      this.countValue(name, value);
      if (!value) this.check('N5.17').fail({ ...where(), message: 'statusNotAllowed', params: { element: name, value: '', allowed: '…' } });
    }
    if (parent?.name === 'arkivdel' && parent.systemId && (name === 'arkivperiodeStartDato' || name === 'arkivperiodeSluttDato') && isXsdDateOrDateTime(value)) {
      const period = this.periods.get(parent.systemId) ?? {};
      period[name === 'arkivperiodeStartDato' ? 'start' : 'end'] = own(value.slice(0, 10));
      this.periods.set(parent.systemId, period);
    }
    if (name === 'referanseArkivdel' && value && parent?.name === 'mappe') parent.seriesRef = own(value);
    if (name === 'referanseArkivdel' && value) this.keep(this.arkivdelReferences, 'arkivdel', value, name, frame.line, parent?.systemId);
    if (name === 'referanseSekundaerKlassifikasjon' && value && parent?.name === 'mappe')
      this.keep(this.classReferences, 'klasse', value, name, frame.line, parent.systemId);
    if (name in crossReferences && value) this.keep(this.crossReferences, crossReferences[name]!, value, name, frame.line, this.owner());
    if (name === 'opprettetDato' && (parent?.name === 'mappe' || parent?.name === 'registrering')) {
      const valid = isXsdDateOrDateTime(value);
      if (parent.name === 'registrering' && !valid) this.check('N5.27').fail({ ...where(), message: 'dateInvalid', params: { element: name, value } });
      if (valid) this.countValue(parent.name === 'mappe' ? 'N5.11' : 'N5.18', value.replace(/^(-?\d+)-.*$/, '$1'));
    }
    if (name === 'journaldato' && parent?.name === 'registrering' && parent.type === 'journalpost') this.journaldato(value, frame, where());
    if (name === 'registrering' && frame.type === 'journalpost') this.journalposts++;
    if (name === 'klasse') {
      if (frame.childKlasse && frame.childMappe) this.check('N5.12').fail({ ...where(), message: 'classMixed', params: { systemId: frame.systemId ?? '–', child: 'mappe' } });
      if (frame.childKlasse && frame.childRegistrering) this.check('N5.19').fail({ ...where(), message: 'classMixed', params: { systemId: frame.systemId ?? '–', child: 'registrering' } });
    }
    if (name === 'dokumentobjekt') this.dokumentobjekt(frame, parent);
  }

  /**
   * A reference to a unit already read (its series, usually) is resolved at once; one that may point
   * ahead is kept until the end of the pass, in strings of its own (see `own`).
   */
  private keep(list: Reference[], target: string, value: string, element: string, line: number, systemId: string | undefined): void {
    if (unitKinds[(this.systemIds.tag(value) ?? 0) - 1] === target) return;
    list.push({ value: own(value), element, line, ...(systemId ? { systemId: own(systemId) } : {}) });
  }

  /** The systemID of the innermost open unit: where a finding is. */
  private owner(): string | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.systemId) return this.stack[i]!.systemId;
    return undefined;
  }

  private journaldato(value: string, frame: Frame, where: Omit<Finding, 'message'>): void {
    if (!isXsdDateOrDateTime(value)) return;
    const day = value.slice(0, value.startsWith('-') ? 11 : 10);
    if (!this.firstJournaldato || day < this.firstJournaldato) this.firstJournaldato = day;
    if (!this.lastJournaldato || day > this.lastJournaldato) this.lastJournaldato = day;
    // The series a journal post belongs to: the one its folder names (a classification system shared
    // by several series holds the folders of all of them), else the arkivdel it sits in.
    const named = [...this.stack].reverse().find((f) => f.name === 'mappe' && f.seriesRef)?.seriesRef;
    if (named) {
      const period = this.periods.get(named);
      if (period) this.inPeriod(day, named, period, where.line ?? frame.line, where.systemId);
      else this.deferredDates.push({ day: own(day), series: named, line: frame.line, ...(where.systemId ? { systemId: own(where.systemId) } : {}) });
    } else {
      const arkivdel = [...this.stack].reverse().find((f) => f.name === 'arkivdel');
      const start = arkivdel?.values?.get('arkivperiodeStartDato')?.slice(0, 10);
      const end = arkivdel?.values?.get('arkivperiodeSluttDato')?.slice(0, 10);
      this.inPeriod(day, arkivdel?.systemId ?? '–', { ...(start ? { start } : {}), ...(end ? { end } : {}) }, frame.line, where.systemId);
    }
    // The period arkivuttrekk.xml states for the whole delivery (reference/content/archivalPeriod).
    const { periodStart, periodEnd } = this.addml;
    const deliveryStart = periodStart && isXsdDateOrDateTime(periodStart) ? periodStart.slice(0, 10) : undefined;
    const deliveryEnd = periodEnd && isXsdDateOrDateTime(periodEnd) ? periodEnd.slice(0, 10) : undefined;
    if ((deliveryStart && day < deliveryStart) || (deliveryEnd && day > deliveryEnd))
      this.check('RH.01').fail({ ...where, element: 'journaldato', line: frame.line, message: 'dateOutOfDeliveryPeriod', params: { value: day, start: deliveryStart ?? '…', end: deliveryEnd ?? '…' } });
  }

  private inPeriod(day: string, series: string, period: { start?: string; end?: string }, line: number, systemId: string | undefined): void {
    const { start, end } = period;
    if ((start && day < start) || (end && day > end))
      this.check('RH.01').fail({ file, element: 'journaldato', line, ...(systemId ? { systemId } : {}), message: 'dateOutOfPeriod', params: { value: day, start: start ?? '…', end: end ?? '…', series } });
  }

  private dokumentobjekt(frame: Frame, parent: Frame | undefined): void {
    const values = frame.values!;
    const reference = values.get('referanseDokumentfil');
    if (!reference) return;
    const grandparent = this.stack.at(-2);
    this.documents.add({
      reference,
      checksum: values.get('sjekksum'),
      format: values.get('format'),
      line: frame.line,
      objectId: frame.systemId,
      descriptionId: parent?.systemId,
      underRegistration: parent?.name === 'dokumentbeskrivelse' && grandparent?.name === 'registrering',
    });
  }

  /** Resolves what could only be resolved at the end, and turns the counts into facts. */
  async finish(): Promise<ArchiveFacts> {
    await this.confirmDuplicates();
    this.check('N5.47').fact({ message: 'count', params: { element: 'systemID', count: this.systemIds.size } });
    const kind = (value: string) => unitKinds[(this.systemIds.tag(value) ?? 0) - 1];
    for (const ref of this.arkivdelReferences)
      if (kind(ref.value) !== 'arkivdel') this.check('N5.48').fail({ file, element: 'referanseArkivdel', line: ref.line, ...(ref.systemId ? { systemId: ref.systemId } : {}), message: 'referenceUnresolved', params: { element: 'referanseArkivdel', value: ref.value, target: 'arkivdel' } });
    for (const d of this.deferredDates) {
      const period = this.periods.get(d.series);
      if (period) this.inPeriod(d.day, d.series, period, d.line, d.systemId);
    }
    for (const ref of this.classReferences)
      if (kind(ref.value) !== 'klasse') this.check('N5.51').fail({ file, element: ref.element, line: ref.line, ...(ref.systemId ? { systemId: ref.systemId } : {}), message: 'referenceUnresolved', params: { element: ref.element, value: ref.value, target: 'klasse' } });
    for (const ref of this.crossReferences)
      if (kind(ref.value) !== crossReferences[ref.element]) this.check('RH.02').fail({ file, element: ref.element, line: ref.line, ...(ref.systemId ? { systemId: ref.systemId } : {}), message: 'referenceUnresolved', params: { element: ref.element, value: ref.value, target: crossReferences[ref.element]! } });
    this.countsAgainstAddml();
    this.flagsAgainstContent();
    for (const [id, elements] of Object.entries(counted))
      for (const element of elements) this.check(id).fact({ message: 'count', params: { element, count: this.counts.get(element) ?? 0 } });
    const valueFacts: Record<string, string> = { arkivdelstatus: 'N5.06', saksstatus: 'N5.15', journalposttype: 'N5.17', journalstatus: 'N5.22', dokumentstatus: 'N5.25', 'N5.11': 'N5.11', 'N5.18': 'N5.18' };
    for (const [key, id] of Object.entries(valueFacts))
      for (const [value, count] of [...(this.valueCounts.get(key) ?? [])].sort())
        this.check(id).fact({ message: 'valueCount', params: { element: key.startsWith('N5.') ? 'år' : key, value, count } });
    for (const id of ['N5.12', 'N5.19', 'N5.27', 'N5.48', 'N5.51', 'N5.63', 'RH.01', 'RH.02']) this.check(id);
    const systemIds = this.systemIds;
    return {
      journalposts: this.journalposts,
      ...(this.firstJournaldato ? { firstJournaldato: this.firstJournaldato, lastJournaldato: this.lastJournaldato! } : {}),
      hasSystemId: (value) => systemIds.has(value),
    };
  }

  /** Reads the systemIDs again, keeping only those whose fingerprint was seen twice, with their lines. */
  private async confirmDuplicates(): Promise<void> {
    if (!this.candidates.size) return;
    const seen = new Map<string, number[]>();
    let text = '';
    await readXml(`${this.dir}/${file}`, {
      open: () => void (text = ''),
      text: (value) => void (text += value),
      close: (tag, line) => {
        if (tag.local !== 'systemID') return;
        const value = text.trim();
        if (!this.candidates.has(IdTable.fingerprint(value))) return;
        const lines = seen.get(value) ?? [];
        if (lines.length < 20) lines.push(line);
        seen.set(own(value), lines);
      },
    });
    for (const [value, lines] of seen)
      if (lines.length > 1) this.check('N5.47').fail({ file, element: 'systemID', line: lines[0]!, message: 'systemIdDuplicate', params: { value, count: lines.length, lines: lines.join(', ') } });
    this.check('N5.47').omitted += this.uncheckedCandidates;
  }

  private countsAgainstAddml(): void {
    const occurrences = this.addml.units.find((u) => u.file.name === file)?.occurrences ?? new Map<string, number | undefined>();
    for (const [id, element] of [['N5.10', 'mappe'], ['N5.16', 'registrering']] as const) {
      const actual = this.counts.get(element) ?? 0;
      const documented = occurrences.get(element);
      const where = { file: this.addml.file, element: 'numberOfOccurrences' };
      if (!occurrences.has(element) || documented === undefined) this.check(id).fail({ ...where, message: 'countMissing', params: { element, actual } });
      else if (documented !== actual) this.check(id).fail({ ...where, message: 'countMismatch', params: { element, documented, actual } });
      else this.check(id).fact({ message: 'count', params: { element, count: actual } });
    }
  }

  private flagsAgainstContent(): void {
    for (const { check, flag, elements } of flagged) {
      const found = elements.reduce((sum, e) => sum + (this.counts.get(e) ?? 0), 0);
      const raw = this.addml.flags.get(flag);
      const where = { file: this.addml.file, element: flag };
      if (raw !== undefined && raw !== 'true' && raw !== 'false') {
        this.check(check).fail({ ...where, message: 'flagInvalid', params: { flag, value: raw } });
        continue;
      }
      const declared = raw === 'true';
      if (declared !== found > 0) this.check(check).fail({ ...where, message: 'flagMismatch', params: { flag, value: raw ?? '–', element: elements[0]!, count: found } });
      else this.check(check).fact({ message: 'count', params: { element: elements[0]!, count: found } });
    }
  }
}
