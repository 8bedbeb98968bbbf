// SPDX-License-Identifier: EUPL-1.2
// Turns a municipality's story (days before today) into an ordered list of steps with real times.
// Steps run oldest first, so case and registry numbers rise with the dates as they would in a real
// registry office. Pure: no database, no clock of its own.
import type { DemoMunicipality } from './model.ts';

export type Step =
  | { kind: 'case'; caseIndex: number; at: Date }
  | { kind: 'entry'; caseIndex: number; entryIndex: number; at: Date }
  | { kind: 'follow-up'; caseIndex: number; entryIndex: number; at: Date }
  | { kind: 'reassign'; caseIndex: number; at: Date }
  | { kind: 'remark'; caseIndex: number; remarkIndex: number; at: Date }
  | { kind: 'close'; caseIndex: number; at: Date };

type Unplaced = Step extends infer S ? (S extends Step ? Omit<S, 'at'> : never) : never;

const DAY = 86_400_000;

/** Mistakes in the story that would make the seed fail or look wrong; empty when it is sound. */
export function checkStory(m: DemoMunicipality): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  m.cases.forEach((c, ci) => {
    const where = `${m.slug} case ${ci} "${c.title}"`;
    const latest = Math.min(...c.entries.map((e) => e.daysAgo), ...(c.remarks ?? []).map((r) => r.daysAgo), c.reassign?.daysAgo ?? Infinity);
    if (c.entries.length === 0) problems.push(`${where}: has no entries`);
    if (c.screenedPerson && !c.title.includes(c.screenedPerson.name)) problems.push(`${where}: the screened name is not in the title`);
    const followed = new Set<string>();
    c.entries.forEach((e, ei) => {
      const at = `${where} entry ${ei} "${e.title}"`;
      if (e.daysAgo < 1) problems.push(`${at}: daysAgo must be 1 or more, so nothing lies in the future`);
      if (e.daysAgo > c.daysAgo) problems.push(`${at}: is older than its case`);
      if (e.key) {
        if (keys.has(e.key)) problems.push(`${at}: key "${e.key}" is used twice`);
        keys.add(e.key);
      }
      if ((e.type === 'incoming' || e.type === 'outgoing') && !e.party) problems.push(`${at}: a letter needs a party`);
      if (e.screened) {
        if (!e.documentTitle) problems.push(`${at}: a screened entry needs a documentTitle without the name`);
        else if (e.party?.kind === 'person' && e.documentTitle.includes(e.party.name)) problems.push(`${at}: the document title repeats the screened name`);
      }
      for (const key of e.followsUp ?? []) {
        const ti = c.entries.findIndex((t) => t.key === key);
        const target = c.entries[ti];
        if (!target || ti >= ei) problems.push(`${at}: follows up "${key}", which is not an earlier entry of this case`);
        else if (target.daysAgo < e.daysAgo) problems.push(`${at}: follows up "${key}" before it arrives`);
        else if (target.type !== 'incoming' && target.type !== 'internal-with-followup') problems.push(`${at}: "${key}" is ${target.type} and needs no follow-up`);
        else if (followed.has(key) || target.followUp) problems.push(`${at}: "${key}" is followed up twice`);
        followed.add(key);
      }
      if (e.followUp && e.followUp.daysAgo > e.daysAgo) problems.push(`${at}: is followed up before it arrives`);
      if (e.followUp && e.type !== 'incoming' && e.type !== 'internal-with-followup') problems.push(`${at}: only incoming letters and memos for follow-up are followed up`);
    });
    if (c.closed) {
      if (c.closed.daysAgo > latest || c.entries.some((e) => e.followUp && e.followUp.daysAgo < c.closed!.daysAgo))
        problems.push(`${where}: is closed before its last entry, remark or follow-up`);
      for (const e of c.entries) {
        if ((e.type === 'incoming' || e.type === 'internal-with-followup') && !e.followUp && !(e.key && followed.has(e.key)))
          problems.push(`${where}: is closed but "${e.title}" is not followed up`);
      }
    }
  });
  return problems;
}

/**
 * How much to squeeze the story so it stays inside the current year (the archive's series starts on
 * 1 January): early in the year the days shrink; from spring on they are taken as they are.
 */
export function squeeze(now: Date, oldest: number): number {
  const daysIntoYear = Math.floor((now.getTime() - Date.UTC(now.getUTCFullYear(), 0, 1)) / DAY);
  if (daysIntoYear >= oldest + 3 || daysIntoYear < 30) return 1;
  return (daysIntoYear - 3) / oldest;
}

/** The working day `daysAgo` (squeezed) before today; a weekend falls back to its Friday. */
export function workingDay(now: Date, daysAgo: number, scale: number): number {
  const days = Math.max(1, Math.round(daysAgo * scale));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let day = today - days * DAY;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day -= DAY;
  if (weekday === 0) day -= 2 * DAY;
  return day;
}

export function planSteps(m: DemoMunicipality, now: Date): Step[] {
  const problems = checkStory(m);
  if (problems.length) throw new Error(`the demo data of ${m.slug} is inconsistent:\n${problems.join('\n')}`);
  const placed: { step: Unplaced; daysAgo: number }[] = [];
  m.cases.forEach((c, caseIndex) => {
    placed.push({ step: { kind: 'case', caseIndex }, daysAgo: c.daysAgo });
    c.entries.forEach((e, entryIndex) => placed.push({ step: { kind: 'entry', caseIndex, entryIndex }, daysAgo: e.daysAgo }));
    c.entries.forEach((e, entryIndex) => e.followUp && placed.push({ step: { kind: 'follow-up', caseIndex, entryIndex }, daysAgo: e.followUp.daysAgo }));
    if (c.reassign) placed.push({ step: { kind: 'reassign', caseIndex }, daysAgo: c.reassign.daysAgo });
    (c.remarks ?? []).forEach((r, remarkIndex) => placed.push({ step: { kind: 'remark', caseIndex, remarkIndex }, daysAgo: r.daysAgo }));
    if (c.closed) placed.push({ step: { kind: 'close', caseIndex }, daysAgo: c.closed.daysAgo });
  });
  const scale = squeeze(now, Math.max(...placed.map((p) => p.daysAgo)));
  // Older days first; within a day the order the story tells (a case before its letters).
  const dated = placed.map((p, order) => ({ ...p, order, day: workingDay(now, p.daysAgo, scale) })).sort((a, b) => a.day - b.day || a.order - b.order);
  const perDay = new Map<number, number>();
  return dated.map(({ step, day }) => {
    const k = perDay.get(day) ?? 0;
    perDay.set(day, k + 1);
    // Office hours: from 08:30 Norwegian/Swedish winter time, a few minutes apart.
    return { ...step, at: new Date(day + 7.5 * 3_600_000 + k * 7 * 60_000) } as Step;
  });
}
