// SPDX-License-Identifier: EUPL-1.2
// Plays one municipality's demo story into its archive through the archive's own use cases, in
// one transaction: either all its cases appear or none do.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import {
  addDocument,
  addRemark,
  closeCaseFile,
  createCaseFile,
  createRegistryEntry,
  decideRetention,
  followUpEntry,
  listClasses,
  updateCaseFile,
  type ArchiveCtx,
} from '../archive/service.ts';
import type { CorrespondentInput } from '../archive/service.ts';
import { dateIn, detectFormat, formatNumber } from '../archive/service.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { fileNameFor, letterLines } from './letter.ts';
import type { DemoEntry, DemoMunicipality, DemoParty, DemoPerson } from './model.ts';
import { demoOrganisationNumber, type IdentityNumbers } from './numbers.ts';
import { renderPdf } from './pdf.ts';
import { createUnit } from '../units/service.ts';
import { planSteps } from './plan.ts';
import { joinStoryUnits } from './members.ts';

const DEMO_ACTOR = 'cli:demo:Demodata';

/** Skjermingshjemmel for personal matters in each country. */
const personalMattersBasis = { NO: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', SE: 'OSL 26 kap. 1 §' } as const;

const DAY = 86_400_000;

interface Counts {
  caseFiles: number;
  entries: number;
  documents: number;
}

export async function playStory(tx: Tx, ctx: AppContext, tenant: Tenant, m: DemoMunicipality, ids: IdentityNumbers): Promise<Counts> {
  const classes = new Map((await listClasses(tx)).map((c) => [c.class_id, c.id]));
  const caseIds: string[] = [];
  const caseNumbers: string[] = [];
  const entryIds = new Map<string, string>();
  const entryByIndex = new Map<string, string>();
  const counts: Counts = { caseFiles: 0, entries: 0, documents: 0 };
  const units = await demoUnits(tx, tenant, m, ctx.clock.now());

  const party = (p: DemoParty, role: CorrespondentInput['role']): CorrespondentInput => ({
    name: p.name,
    kind: p.kind,
    role,
    ...(p.kind === 'person' ? { identityNumber: ids.of(p, m.country) } : {}),
    ...(p.kind === 'organisation' && p.numberSeed !== undefined ? { organisationNumber: demoOrganisationNumber({ ...p, numberSeed: p.numberSeed }, m.country) } : {}),
    ...(p.address ? { address: p.address } : {}),
    ...(p.postalCode ? { postalCode: p.postalCode } : {}),
    ...(p.postalTown ? { postalTown: p.postalTown } : {}),
    ...(p.email ? { email: p.email } : {}),
  });

  const correspondentsOf = (e: DemoEntry): CorrespondentInput[] => {
    const list: CorrespondentInput[] = [];
    if (e.party) list.push(party(e.party, e.type === 'incoming' ? 'sender' : 'recipient'));
    for (const copy of e.copyTo ?? []) list.push(party(copy, 'copy'));
    if (e.from) list.push(party(e.from, 'internal-sender'));
    if (e.to) list.push(party(e.to, 'internal-recipient'));
    return list;
  };

  const screenedNames = (e: DemoEntry): string[] =>
    [e.party, ...(e.copyTo ?? [])].filter((p): p is DemoPerson => p?.kind === 'person' && e.title.includes(p.name)).map((p) => p.name);

  for (const step of planSteps(m, ctx.clock.now())) {
    const c: ArchiveCtx = { tenantId: tenant.id, actor: DEMO_ACTOR, at: step.at };
    const story = m.cases[step.caseIndex]!;
    const caseId = caseIds[step.caseIndex]!;
    switch (step.kind) {
      case 'case': {
        const classId = classes.get(story.classCode);
        if (!classId) throw new Error(`${m.slug}: no class ${story.classCode} in the classification`);
        const row = await createCaseFile(tx, c, {
          title: story.title,
          classId,
          responsibleUnitId: units.get(story.unit)!,
          responsibleOfficer: story.officer.name,
          ...(story.description ? { description: story.description } : {}),
          ...(story.keywords ? { keywords: story.keywords } : {}),
          ...(story.screenedPerson ? { screening: { legalBasis: personalMattersBasis[m.country], titleWords: [story.screenedPerson.name] } } : {}),
        });
        caseIds[step.caseIndex] = row.id;
        caseNumbers[step.caseIndex] = formatNumber(row.case_year, row.case_sequence);
        counts.caseFiles++;
        break;
      }
      case 'entry': {
        const e = story.entries[step.entryIndex]!;
        const received = dateIn(step.at);
        const written = e.type === 'incoming' ? dateIn(new Date(step.at.getTime() - 2 * DAY)) : received;
        const names = screenedNames(e);
        const { entry: row } = await createRegistryEntry(tx, { ...c, country: m.country, isSystem: false }, caseId, {
          type: e.type,
          title: e.title,
          documentDate: written,
          ...(e.type === 'incoming' ? { receivedDate: received } : {}),
          ...(e.type === 'outgoing' ? { sentDate: received } : {}),
          ...(e.dueInDays ? { dueDate: dateIn(new Date(step.at.getTime() + e.dueInDays * DAY)) } : {}),
          ...(e.description ? { description: e.description } : {}),
          correspondents: correspondentsOf(e),
          ...(e.screened ? { screening: { legalBasis: personalMattersBasis[m.country], fields: ['correspondents', 'documents'], titleWords: names } } : {}),
          ...(e.followsUp ? { followsUp: e.followsUp.map((key) => entryIds.get(key)!) } : {}),
        });
        if (e.key) entryIds.set(e.key, row.id);
        entryByIndex.set(`${step.caseIndex}:${step.entryIndex}`, row.id);
        counts.entries++;
        const reference = `${caseNumbers[step.caseIndex]}-${row.number_in_case}`;
        const signedBy = e.signedBy ?? story.officer;
        const documentTitle = e.documentTitle ?? e.title;
        const pdf = renderPdf({
          title: documentTitle,
          created: step.at,
          lines: letterLines({ municipality: m, type: e.type, title: documentTitle, body: e.body, date: written, reference, unit: story.unit, party: e.party, from: e.from, to: e.to, signedBy }),
        });
        await storePdf(tx, ctx, c, row.id, documentTitle, pdf, 'main');
        counts.documents++;
        if (e.attachment) {
          const attachment = renderPdf({ title: e.attachment.title, created: step.at, lines: [{ text: e.attachment.title, bold: true, size: 13 }, { text: '' }, ...e.attachment.body.flatMap((text) => [{ text }, { text: '' }])] });
          await storePdf(tx, ctx, c, row.id, e.attachment.title, attachment, 'attachment');
          counts.documents++;
        }
        break;
      }
      case 'follow-up': {
        const e = story.entries[step.entryIndex]!;
        await followUpEntry(tx, c, entryByIndex.get(`${step.caseIndex}:${step.entryIndex}`)!, { method: e.followUp!.method });
        break;
      }
      case 'reassign':
        await updateCaseFile(tx, c, caseId, { responsibleOfficer: story.reassign!.officer.name, ...(story.reassign!.unit ? { responsibleUnitId: units.get(story.reassign!.unit)! } : {}) });
        break;
      case 'remark':
        await addRemark(tx, c, { type: 'case-file', id: caseId }, { text: story.remarks![step.remarkIndex]!.text });
        break;
      case 'close': {
        await closeCaseFile(tx, c, caseId);
        const retention = story.closed!.retention;
        if (retention) await decideRetention(tx, c, { type: 'case-file', id: caseId }, retention);
        break;
      }
    }
  }
  await joinStoryUnits(tx, ctx, tenant, m, units);
  return counts;
}

/** The units the stories name, as administrative units with short codes (initials), by name. */
async function demoUnits(tx: Tx, tenant: Tenant, m: DemoMunicipality, at: Date): Promise<Map<string, string>> {
  const names = [...new Set(m.cases.flatMap((story) => [story.unit, ...(story.reassign?.unit ? [story.reassign.unit] : [])]))];
  const ids = new Map<string, string>();
  const codes = new Set<string>();
  for (const name of names) {
    const initials = name.split(/[\s,/-]+/).map((w) => w.replace(/[^A-Za-zÆØÅæøåÄÖäö0-9]/g, '').charAt(0).toUpperCase()).join('') || 'E';
    let code = initials.slice(0, 16);
    for (let n = 2; codes.has(code); n++) code = `${initials.slice(0, 16)}${n}`;
    codes.add(code);
    ids.set(name, (await createUnit(tx, tenant.id, { code, name }, DEMO_ACTOR, at)).id);
  }
  return ids;
}

async function storePdf(tx: Tx, ctx: AppContext, c: ArchiveCtx, entryId: string, title: string, pdf: Buffer, relation: 'main' | 'attachment') {
  const stored = await ctx.files.put(Readable.from(pdf));
  await addDocument(tx, c, entryId, { title, relation }, { ...stored, fileName: fileNameFor(title), mimeType: 'application/pdf', detected: detectFormat(pdf, 'application/pdf') });
}
