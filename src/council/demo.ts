// SPDX-License-Identifier: EUPL-1.2
// Demo councils (issue 10): for each demo municipality a council and its executive committee
// (kommunestyre/formannskap, kommunfullmäktige/kommunstyrelse), a term, six parties, synthetic
// members with substitutes, a year's meeting plan, and two held council meetings whose agendas are
// tied to political cases made through the archive's service, with papers, proposals, a split vote
// (per party and per member), decisions and a recording with item offsets. Idempotent: a
// municipality that has the council body already is left as it is.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import { withoutTenant, withTenant, type Tx } from '../platform/db/transaction.ts';
import { addDocument, changeDocumentPublication, createCaseFile, createRegistryEntry, detectFormat } from '../archive/service.ts';
import { findTenantBySlug } from '../tenants/service.ts';
import type { Tenant } from '../tenants/tenant.ts';
import * as roster from './roster.ts';
import { bodyCodeTaken } from './roster-repository.ts';
import { createMeeting, markHeld, meetingChanged, publishSummons, recordAttendance, updateMeeting, type AttendanceEntry } from './meetings.ts';
import { addAgendaItem } from './agenda.ts';
import { demoCouncils, type DemoCouncilText } from './demo-data.ts';
import { simplePdf } from './demo-pdf.ts';
import { addProposal, recordDecision, recordVote } from './decisions.ts';
import { setAgendaItemVideo } from './video.ts';

const SLUGS = ['balsfjord', 'aneby', 'eksjo', 'nassjo', 'savsjo', 'vetlanda'];
const actor = { kind: 'cli', id: 'demo', name: 'Demodata' } as const;

/** 15:00 UTC on the day `days` from now: an evening meeting in Nordic time. */
const dayAt = (now: Date, days: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, 15, 0, 0));

/**
 * The election period that holds the day (and so the held meetings): Norway's start on 1 October
 * of 2023, 2027, …; Sweden's on 15 October of 2022, 2026, ….
 */
function termAround(country: 'NO' | 'SE', day: Date): { name: string; startsOn: string; endsOn: string } {
  const [first, start] = country === 'NO' ? [2023, '10-01'] : [2022, '10-15'];
  let from = first + Math.floor((day.getUTCFullYear() - first) / 4) * 4;
  if (day.toISOString().slice(0, 10) < `${from}-${start}`) from -= 4;
  const end = new Date(Date.parse(`${from + 4}-${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { name: `${country === 'NO' ? 'Valgperioden' : 'Mandatperioden'} ${from}–${from + 4}`, startsOn: `${from}-${start}`, endsOn: end };
}

interface Seat { personId: string; partyId: string; partyCode: string }

export async function seedCouncilDemo(ctx: AppContext, log: (line: string) => void = () => {}): Promise<{ added: string[] }> {
  const added: string[] = [];
  for (const slug of SLUGS) {
    const tenant = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, slug));
    if (!tenant) continue;
    const text = demoCouncils[tenant.country];
    const made = await withTenant(ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
      if (await bodyCodeTaken(tx, text.council.code)) return false;
      await seedTenant(tx, ctx, tenant, text);
      return true;
    });
    if (made) {
      added.push(slug);
      log(`${slug}: council, executive committee, members, meeting plan and two held meetings`);
    }
  }
  return { added };
}

async function seedTenant(tx: Tx, ctx: AppContext, tenant: Tenant, text: DemoCouncilText): Promise<void> {
  const now = ctx.clock.now();
  const c = { tenantId: tenant.id, actor: `${actor.kind}:${actor.id}:${actor.name}`, at: now };
  const term = await roster.createTerm(tx, c, termAround(tenant.country, dayAt(now, -60)));
  const council = await roster.createBody(tx, c, { ...text.council, kind: 'council' });
  const executive = await roster.createBody(tx, c, { ...text.executive, kind: 'executive' });
  const members: Seat[] = [];
  const substitutes: Seat[] = [];
  let n = 0;
  const person = async (partyId: string) => {
    const i = n++;
    const given = text.given[(i * 7) % text.given.length]!;
    const family = text.family[(i * 5 + 3) % text.family.length]!;
    return roster.createPerson(tx, c, { givenName: given, familyName: family, partyId, email: `${given}.${family}@politiker.example.org`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9.@-]/g, '') });
  };
  for (const p of text.parties) {
    const party = await roster.createParty(tx, c, { code: p.code, name: p.name });
    for (let s = 0; s < p.seats; s++) {
      const m = await person(party.id);
      await roster.createMembership(tx, c, council.id, { termId: term.id, personId: m.id, role: members.length === 0 ? 'leader' : members.length === 1 ? 'deputy' : 'member' });
      members.push({ personId: m.id, partyId: party.id, partyCode: p.code });
    }
    for (let s = 1; s <= Math.min(2, p.seats); s++) {
      const sub = await person(party.id);
      await roster.createMembership(tx, c, council.id, { termId: term.id, personId: sub.id, role: 'substitute', substituteOrder: s });
      substitutes.push({ personId: sub.id, partyId: party.id, partyCode: p.code });
    }
  }
  // The executive committee: the leader, the deputy and the first member of three more parties.
  const firstOf = (code: string) => members.find((m) => m.partyCode === code)!;
  const executiveSeats = [members[0]!, members[1]!, ...text.parties.slice(1, 4).map((p) => firstOf(p.code))].filter((m, i, all) => all.indexOf(m) === i);
  for (const [i, m] of executiveSeats.entries())
    await roster.createMembership(tx, c, executive.id, { termId: term.id, personId: m.personId, role: i === 0 ? 'leader' : i === 1 ? 'deputy' : 'member' });

  // A year's plan: the council every six weeks, the executive every four; the first two council meetings are held.
  const councilMeetings = [];
  for (let k = 0; k < 9; k++) councilMeetings.push(await createMeeting(tx, c, { bodyId: council.id, startsAt: dayAt(now, -40 + k * 42 + (k === 1 ? -14 : 0)).toISOString(), location: text.location }));
  for (let k = 0; k < 13; k++) await createMeeting(tx, c, { bodyId: executive.id, startsAt: dayAt(now, -30 + k * 28).toISOString(), location: text.location });

  const year = String(now.getUTCFullYear()).slice(2);
  let itemNo = 1;
  for (const [k, cases] of text.cases.entries()) {
    const meeting = councilMeetings[k]!;
    const items: string[] = [];
    for (const kase of cases) {
      const caseFile = await createCaseFile(tx, c, { title: kase.title });
      const { entry } = await createRegistryEntry(tx, { ...c, country: tenant.country, isSystem: false }, caseFile.id, { type: 'internal-without-followup', title: `${tenant.country === 'NO' ? 'Saksframlegg' : 'Tjänsteskrivelse'}: ${kase.title}` });
      const pdf = simplePdf(kase.title, [tenant.name, '', kase.recommendation]);
      const stored = await ctx.files.put(Readable.from(pdf));
      const { document } = await addDocument(tx, c, entry.id, { title: kase.title, relation: 'main' }, { ...stored, fileName: `${caseFile.id}.pdf`, mimeType: 'application/pdf', detected: detectFormat(pdf, 'application/pdf') });
      // Case papers of a political body are public with the agenda: published in full.
      await changeDocumentPublication(tx, c, document.id, { publishedInFull: true });
      const number = tenant.country === 'NO' ? `PS ${itemNo++}/${year}` : `§ ${itemNo++}`;
      items.push((await addAgendaItem(tx, c, meeting.id, { caseFileId: caseFile.id, presentationEntryId: entry.id, itemNumber: number })).id);
    }
    const closed = k === 0 ? (await addAgendaItem(tx, c, meeting.id, { title: text.closed.title, closed: true, closedLegalBasis: text.closed.legalBasis, itemNumber: tenant.country === 'NO' ? `PS ${itemNo++}/${year}` : `§ ${itemNo++}` })).id : undefined;
    // Summoned when it was (the demo is made afterwards: the agenda is public at once), then held.
    await publishSummons(tx, { ...c, country: tenant.country }, meeting.id, { late: true });
    await updateMeeting(tx, c, meeting.id, { recordingUrl: `https://video.example.org/${tenant.slug}/${text.council.code}-${meeting.starts_at.toISOString().slice(0, 10)}` });
    // One member reports absence; the party's first substitute meets.
    const absent = members[2 + k]!;
    const substitute = substitutes.find((s) => s.partyId === absent.partyId)!;
    const entries: AttendanceEntry[] = [...members.map((m) => ({ personId: m.personId, status: m === absent ? 'absent' as const : 'present' as const })), { personId: substitute.personId, status: 'present', substituteFor: absent.personId }];
    await recordAttendance(tx, c, meeting.id, entries);
    await markHeld(tx, c, meeting.id);
    const present = [...members.filter((m) => m !== absent), substitute];
    // The record goes through the secretariat's own services, so the demo passes the same rules
    // (the counts add up to those present, each ballot is a present member's); dated at the meeting.
    const rc = { tenantId: tenant.id, at: meeting.starts_at };
    for (const [i, kase] of cases.entries()) {
      const itemId = items[i]!;
      await addProposal(tx, rc, itemId, { kind: 'recommendation', text: kase.recommendation });
      if (kase.amendment) {
        const party = present.find((m) => m.partyCode === kase.amendment!.party)!;
        await addProposal(tx, rc, itemId, { kind: 'proposal', text: kase.amendment.text, partyId: party.partyId });
        // The split: the amendment's party and the smallest party vote against, everyone else for.
        const against = new Set([kase.amendment.party, text.parties.at(-1)!.code]);
        const ballots = present.map((m) => ({ personId: m.personId, option: against.has(m.partyCode) ? 'against' : 'for' }));
        const no = ballots.filter((b) => b.option === 'against').length;
        await recordVote(tx, rc, itemId, {
          subject: text.labels.vote, method: 'roll-call', outcome: 'for', ballots,
          counts: [{ option: 'for', label: text.labels.for, count: ballots.length - no }, { option: 'against', label: text.labels.against, count: no }],
        });
      }
      await recordDecision(tx, rc, itemId, { text: kase.decision });
      await setAgendaItemVideo(tx, rc, itemId, { offsetSeconds: 120 + i * 1500 });
    }
    if (closed) {
      await recordDecision(tx, rc, closed, { text: text.closed.decision });
      await setAgendaItemVideo(tx, rc, closed, { offsetSeconds: 120 + cases.length * 1500 });
    }
    await meetingChanged(tx, c, meeting.id);
  }
}
