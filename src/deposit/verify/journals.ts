// SPDX-License-Identifier: EUPL-1.2
// The journals and the change log against the archive: the two journal heads agree with each other
// and, when the period was separated sharply, with the journal posts in arkivstruktur.xml (N5.59
// number, N5.60 first and last date); the change log exists (N5.61) and refers only to units in the
// archive (N5.62). Journals are read up to their head only; the change log is streamed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharplySeparated, type Addml } from './addml.ts';
import type { ArchiveFacts } from './content.ts';
import { CheckCollector } from './report.ts';
import { StopReading, XmlSyntaxError, readXml } from './xml.ts';

interface JournalHead {
  start?: string;
  end?: string;
  count?: string;
}

async function readHead(path: string): Promise<JournalHead | undefined> {
  if (!existsSync(path)) return undefined;
  const head: JournalHead = {};
  let inHead = false;
  let text = '';
  try {
    await readXml(path, {
      open(tag) {
        if (tag.local === 'journalhode') inHead = true;
        text = '';
      },
      text(value) {
        text += value;
      },
      close(tag) {
        if (tag.local === 'journalhode') throw new StopReading();
        if (!inHead) return;
        if (tag.local === 'journalStartDato') head.start = text.trim();
        if (tag.local === 'journalSluttDato') head.end = text.trim();
        if (tag.local === 'antallJournalposter') head.count = text.trim();
      },
    });
  } catch (error) {
    if (error instanceof XmlSyntaxError) return undefined;
    throw error;
  }
  return inHead ? head : undefined;
}

const journals = ['loependeJournal.xml', 'offentligJournal.xml'] as const;

export async function checkJournals(dir: string, addml: Addml, archive: ArchiveFacts): Promise<CheckCollector[]> {
  const count = new CheckCollector('N5.59');
  const dates = new CheckCollector('N5.60');
  const heads = await Promise.all(journals.map((name) => readHead(join(dir, name))));
  const sharp = sharplySeparated(addml);
  const separation = { inngaaende: addml.inngaaendeSkille ?? '–', utgaaende: addml.utgaaendeSkille ?? '–' };
  for (const check of [count, dates]) check.fact({ message: 'separation', params: separation });
  heads.forEach((head, i) => {
    if (!head) for (const check of [count, dates]) check.fail({ message: 'journalUnreadable', params: { file: journals[i]! }, file: journals[i]!, element: 'journalhode' });
  });
  const [lj, oj] = heads;
  count.fact({ message: 'count', params: { element: 'journalpost', count: archive.journalposts } });
  if (lj && oj) {
    if (lj.count !== oj.count) count.fail({ message: 'journalsDiffer', params: { element: 'antallJournalposter', first: lj.count ?? '–', second: oj.count ?? '–' }, file: journals[1], element: 'antallJournalposter' });
    for (const [element, a, b] of [['journalStartDato', lj.start, oj.start], ['journalSluttDato', lj.end, oj.end]] as const)
      if (a?.slice(0, 10) !== b?.slice(0, 10)) dates.fail({ message: 'journalsDiffer', params: { element, first: a ?? '–', second: b ?? '–' }, file: journals[1], element });
  }
  if (!archive.firstJournaldato) dates.fail({ message: 'noJournaldato', file: 'arkivstruktur.xml', element: 'journaldato' });
  if (!sharp) return [count, dates];
  for (const [i, head] of heads.entries()) {
    if (!head) continue;
    const file = journals[i]!;
    if (head.count !== String(archive.journalposts))
      count.fail({ message: 'journalVsArchive', params: { element: 'antallJournalposter', journal: head.count ?? '–', archive: archive.journalposts }, file, element: 'antallJournalposter' });
    if (!archive.firstJournaldato) continue;
    for (const [element, value, expected] of [['journalStartDato', head.start, archive.firstJournaldato], ['journalSluttDato', head.end, archive.lastJournaldato]] as const)
      if (value?.slice(0, 10) !== expected) dates.fail({ message: 'journalVsArchive', params: { element, journal: value ?? '–', archive: expected ?? '–' }, file, element });
  }
  return [count, dates];
}

export async function checkChangeLog(dir: string, archive: ArchiveFacts): Promise<CheckCollector[]> {
  const exists = new CheckCollector('N5.61');
  const references = new CheckCollector('N5.62');
  const file = 'endringslogg.xml';
  const path = join(dir, file);
  if (!existsSync(path)) {
    for (const check of [exists, references]) check.fail({ message: 'fileMissing', params: { file }, file });
    return [exists, references];
  }
  let changes = 0;
  let text = '';
  try {
    await readXml(path, {
      open() {
        text = '';
      },
      text(value) {
        text += value;
      },
      close(tag, line) {
        if (tag.local === 'endring') changes++;
        if (tag.local !== 'referanseArkivenhet') return;
        const value = text.trim();
        if (!archive.hasSystemId(value))
          references.fail({ message: 'referenceUnresolved', params: { element: 'referanseArkivenhet', value, target: 'systemID' }, file, element: 'referanseArkivenhet', line });
      },
    });
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    for (const check of [exists, references]) check.fail({ message: 'notWellFormed', params: { message: error.message }, file, line: error.line });
  }
  exists.fact({ message: 'count', params: { element: 'endring', count: changes } });
  return [exists, references];
}
