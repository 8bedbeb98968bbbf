// SPDX-License-Identifier: EUPL-1.2
// Approving the minutes (møtebok / protokoll): generated from the meeting's record as a PDF, filed in
// the archive through its service as a registry entry of the body's minutes case (one case per
// body, opened with the first minutes), and the record closed. In Norway the approved minutes are
// published (council.meeting.changed: the projection publishes them); in Sweden they wait for the
// adjusters (adjusters.ts). Items heard behind closed doors appear with their public title and legal
// basis only, since the minutes are a public document.
import type { Tx } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import type { AppContext } from '../platform/context.ts';
import type { TenantRef } from '../platform/http/auth.ts';
import { conflict, notFound } from '../platform/http/problem.ts';
import { Readable } from 'node:stream';
import { addDocument, changeDocumentPublication, createCaseFile, createRegistryEntry, dateIn, formatNumber } from '../archive/service.ts';
import { closedRecord, meetingChanged, minutesClosed } from './decisions.ts';
import { renderMinutesPdf, type MinutesLine } from './minutes-pdf.ts';
import { minutesWords } from './minutes-texts.ts';
import {
  lockMeeting, selectAttendance, selectBallotsOfVotes, selectBody, selectCountsOfVotes, selectDisqualificationsOfItems, selectItemsOfMeeting,
  selectParties, selectPersons, selectProposalsOfItem, selectReservationsOfItem, selectVotesOfItem, setBodyMinutesCase, updateMeeting, type MeetingRow,
} from './decisions-repository.ts';

export const timeZoneOf = (tenant: Pick<TenantRef, 'country'>): string => (tenant.country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');

/** The minutes' lines, from the council tables only: the same record gives the same document. */
async function minutesLines(tx: Tx, tenant: TenantRef, meeting: MeetingRow): Promise<{ title: string; lines: MinutesLine[] }> {
  const w = minutesWords[tenant.language];
  const body = await selectBody(tx, meeting.body_id);
  const items = await selectItemsOfMeeting(tx, meeting.id);
  const attendance = await selectAttendance(tx, meeting.id);
  const parties = new Map((await selectParties(tx)).map((p) => [p.id, p]));
  const perItem = await Promise.all(items.map(async (item) => {
    const votes = await selectVotesOfItem(tx, item.id);
    const ids = votes.map((v) => v.id);
    return { item, votes, proposals: await selectProposalsOfItem(tx, item.id), reservations: await selectReservationsOfItem(tx, item.id), counts: await selectCountsOfVotes(tx, ids), ballots: await selectBallotsOfVotes(tx, ids) };
  }));
  const disqualifications = await selectDisqualificationsOfItems(tx, items.map((i) => i.id));
  const personIds = new Set<string>([...attendance.flatMap((a) => [a.person_id, ...(a.substitute_for ? [a.substitute_for] : [])]), ...disqualifications.map((d) => d.person_id)]);
  for (const p of perItem) {
    for (const x of p.proposals) if (x.proposer_person_id) personIds.add(x.proposer_person_id);
    for (const r of p.reservations) if (r.person_id) personIds.add(r.person_id);
  }
  const persons = new Map((await selectPersons(tx, [...personIds])).map((p) => [p.id, p]));
  const nameOf = (id: string | null): string => {
    const p = id ? persons.get(id) : undefined;
    if (!p) return '';
    const party = p.party_id ? parties.get(p.party_id)?.code : undefined;
    return `${p.given_name} ${p.family_name}${party ? ` (${party})` : ''}`;
  };
  const zone = timeZoneOf(tenant);
  const when = new Intl.DateTimeFormat(tenant.language === 'en' ? 'en-GB' : tenant.language === 'sv' ? 'sv-SE' : 'nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: zone });

  const lines: MinutesLine[] = [
    { label: w.time, text: when.format(meeting.starts_at) },
    { label: w.place, text: meeting.location ?? '' },
    { label: w.present, text: attendance.filter((a) => a.status === 'present').map((a) => `${nameOf(a.person_id)}${a.substitute_for ? ` – ${w.substituteFor} ${nameOf(a.substitute_for)}` : ''}`).join(', ') || w.none },
    { label: w.absent, text: attendance.filter((a) => a.status === 'absent').map((a) => nameOf(a.person_id)).join(', ') || w.none },
  ];
  for (const { item, votes, proposals, reservations, counts, ballots } of perItem) {
    if (item.closed) {
      lines.push({ heading: true, text: `${item.item_number} ${item.public_title}` }, { label: w.closed, text: item.closed_legal_basis ?? '' });
      continue;
    }
    lines.push({ heading: true, text: `${item.item_number} ${item.title}` });
    for (const d of disqualifications.filter((x) => x.agenda_item_id === item.id)) lines.push({ label: `${w.disqualified}: ${nameOf(d.person_id)}`, text: d.reason });
    for (const p of proposals) {
      const by = [p.proposer_person_id ? nameOf(p.proposer_person_id) : '', p.party_id ? (parties.get(p.party_id)?.code ?? '') : ''].filter(Boolean).join(', ');
      lines.push({ label: `${w[p.kind]} ${p.position}${by ? ` (${by})` : ''}`, text: p.text });
    }
    for (const v of votes) {
      const own = counts.filter((c) => c.vote_id === v.id);
      const labelOf = (option: string | null) => own.find((c) => c.option === option)?.label ?? option ?? '';
      lines.push({ label: `${w.vote} ${v.position}: ${v.subject}`, text: `${own.map((c) => `${c.label}: ${c.count}`).join(', ')}. ${w.carried}: ${labelOf(v.outcome)}.` });
      const byParty = new Map<string, number>();
      for (const b of ballots.filter((x) => x.vote_id === v.id)) {
        const key = `${b.party_id ? (parties.get(b.party_id)?.code ?? '–') : '–'}: ${labelOf(b.option)}`;
        byParty.set(key, (byParty.get(key) ?? 0) + 1);
      }
      if (byParty.size) lines.push({ label: w.parties, text: [...byParty].sort().map(([k, n]) => `${k} ${n}`).join('; '), indent: true });
    }
    lines.push({ label: w.decision, text: item.decision_text ?? '' });
    for (const r of reservations) {
      const who = [r.person_id ? nameOf(r.person_id) : '', r.party_id ? (parties.get(r.party_id)?.name ?? '') : ''].filter(Boolean).join(', ');
      lines.push({ label: `${w.reservation}: ${who}`, text: r.text ?? '' });
    }
  }
  return { title: `${w.minutes} – ${body.name} ${dateIn(meeting.starts_at, zone)}`, lines };
}

export interface ApproveInput { tenant: TenantRef; actor: string; at: Date }

export async function approveMinutes(tx: Tx, ctx: Pick<AppContext, 'files'>, meetingId: string, input: ApproveInput, staged: StagedFile[]) {
  const { tenant, at } = input;
  const meeting = await lockMeeting(tx, meetingId);
  if (!meeting) throw notFound(`meeting ${meetingId}`);
  if (minutesClosed(meeting)) throw closedRecord();
  if (meeting.status !== 'held') throw conflict(`the meeting is ${meeting.status}: mark it held before approving its minutes`, [{ field: 'meetingId', code: 'notOpen', message: 'the meeting is not held' }]);

  const { title, lines } = await minutesLines(tx, tenant, meeting);
  const body = await selectBody(tx, meeting.body_id);
  const c = { tenantId: tenant.id, actor: input.actor, at };
  let caseFileId = body.minutes_case_file_id;
  if (!caseFileId) {
    const w = minutesWords[tenant.language];
    const created = await createCaseFile(tx, c, { title: `${w.minutes} – ${body.name}`, keywords: ['council-minutes'], ...(body.unit_id ? { responsibleUnitId: body.unit_id } : {}) });
    caseFileId = created.id;
    await setBodyMinutesCase(tx, body.id, caseFileId, at);
  }
  const registered = await createRegistryEntry(tx, { ...c, country: tenant.country, isSystem: false }, caseFileId, {
    type: 'internal-without-followup', title, documentDate: dateIn(at, timeZoneOf(tenant)),
  });
  const pdf = await ctx.files.stage(Readable.from([await renderMinutesPdf({ title, language: tenant.language, at, lines })]));
  staged.push(pdf);
  const { document } = await addDocument(tx, c, registered.entry.id, { title, relation: 'main', documentType: 'minutes' }, { ...pdf, fileName: `${title.replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`, mimeType: 'application/pdf' });
  // Norway: approved minutes are public in full (closed items show only their title and legal
  // basis), so the public journal lists the PDF with the entry. Sweden: once adjusted (adjusters.ts).
  if (tenant.country === 'NO') await changeDocumentPublication(tx, c, document.id, { publishedInFull: true });
  await updateMeeting(tx, meeting.id, { minutes_status: 'approved', minutes_entry_id: registered.entry.id, minutes_approved_at: at, minutes_approved_by: input.actor, updated_at: at });
  await meetingChanged(tx, { tenantId: tenant.id, at }, meeting.id);
  return {
    meetingId: meeting.id, minutesStatus: 'approved' as const, minutesEntryId: registered.entry.id, caseFileId,
    caseNumber: formatNumber(registered.caseFile.case_year, registered.caseFile.case_sequence),
    registryNumber: formatNumber(registered.entry.entry_year, registered.entry.entry_sequence), checksum: pdf.checksum, approvedAt: at.toISOString(),
  };
}
