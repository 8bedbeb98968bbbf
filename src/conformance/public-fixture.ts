// SPDX-License-Identifier: EUPL-1.2
// A municipality whose archive holds everything the public must never see, made through the API:
// screened words in titles, a case whose title is screened, a wholly screened case and entry, a
// void entry, screened parties with identity numbers, a unit hidden from the public, descriptions,
// remarks, keywords, addresses, a document. Every secret is a unique marker (a Nordic name and
// random hex), so a hit is never an accident; alongside, public values that must be shown, so an
// empty page cannot pass for a safe one.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { syntheticNorwegianNumber, syntheticSwedishNumber } from '../common/idnumbers.ts';
import { call, upload } from './fixtures.ts';
import { loggedInPerson, testIdentityNumber } from '../test-support/person.ts';

export interface LeakFixture {
  tenant: Tenant;
  /** Marker → what it is; none may appear in any public answer. */
  secrets: Record<string, string>;
  /** Identity numbers (digits only); none may appear in any form. */
  identityNumbers: string[];
  /** Values the municipality's page must show (titles, public parties). */
  shown: string[];
  /** Values the public projection must hold but the page does not show (a visible unit). */
  projected: string[];
}

const legalBasis = 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1';
const wholly = { legalBasis, fields: ['title', 'description', 'correspondents', 'documents'] };
const hex = () => randomBytes(5).toString('hex');

export async function seedLeakMunicipality(radhus: TestRadhus, country: 'NO' | 'SE'): Promise<LeakFixture> {
  const no = country === 'NO';
  const tenant = await radhus.tenant({ name: no ? `Skjermvik kommune ${hex()}` : `Sekretessby kommun ${hex()}`, country });
  const officer = await radhus.token(tenant, 'archivist');
  const admin = await radhus.token(tenant, 'tenant-admin');
  const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
  const post = (path: string, payload: object) => call(radhus, officer, 'POST', api(path), payload);
  const patch = (path: string, payload: object) => call(radhus, officer, 'PATCH', api(path), payload);

  // Secrets: one per kind of thing that must stay out, each a Nordic name with its own hex.
  const names = no
    ? ['Ragnhild', 'Sølvi', 'Åsmund', 'Torbjørg', 'Ærlend', 'Gunnvor', 'Håkon', 'Bjørg', 'Eirik', 'Kåre', 'Dagny', 'Øystein', 'Sigrid', 'Ingebjørg', 'Trygve', 'Ståle', 'Brynjulf', 'Jorunn', 'Målfrid', 'Audun', 'Tormod']
    : ['Åsa', 'Görel', 'Björn', 'Märta', 'Östen', 'Ingegärd', 'Sölve', 'Ebba', 'Gösta', 'Kerstin', 'Dagmar', 'Örjan', 'Signe', 'Lennart', 'Britt', 'Ture', 'Agda', 'Solveig', 'Håkan', 'Ylva', 'Torsten'];
  const kinds = [
    'caseWord', 'caseTitle', 'wholeCase', 'wholeCaseEntry', 'entryWord', 'partyScreened', 'wholeEntry', 'voidEntry', 'laterScreened',
    'hiddenUnit', 'caseDescription', 'entryDescription', 'caseRemark', 'entryRemark', 'keyword', 'address', 'officer', 'documentTitle',
    'documentContent', 'retention', 'email',
  ] as const;
  const s = Object.fromEntries(kinds.map((k, i) => [k, `${names[i]}-${hex()}`])) as Record<(typeof kinds)[number], string>;
  const email = `post-${hex()}@example.org`;
  const idScreened = no ? syntheticNorwegianNumber('1937-04-23', 7) : syntheticSwedishNumber('1937-04-23', 7);
  const idPublicParty = no ? syntheticNorwegianNumber('1941-11-09', 11) : syntheticSwedishNumber('1941-11-09', 11);
  // Public values: shown on the page.
  const p = Object.fromEntries(['caseTitle', 'e1', 'e2', 'e3', 'e6', 'e7', 'e8', 'person', 'org', 'unit'].map((k) => [k, `${k === 'org' ? 'Nordbygg' : 'Offentlig'}-${hex()}`]));

  const hidden = await call(radhus, admin, 'POST', api('/units'), { code: 'BV', name: `Barnevern ${s.hiddenUnit}`, hiddenFromPublic: true });
  const visible = await call(radhus, admin, 'POST', api('/units'), { code: 'PLAN', name: `Plan ${p.unit}` });

  const from = [{ name: `${p.org} AS`, kind: 'organisation', role: 'sender' }];

  // 1. A public case whose title has a screened word; its entries in every state.
  const open = await post('/case-files', {
    title: `Byggesak ${p.caseTitle} for ${s.caseWord}`,
    description: `Saken gjelder ${s.caseDescription}`,
    keywords: [s.keyword],
    responsibleUnitId: visible.id,
    screening: { legalBasis, titleWords: [s.caseWord] },
  });
  const e1 = await post(`/case-files/${open.id}/registry-entries`, {
    type: 'incoming',
    // The case's screened word in an unscreened entry's title is masked all the same.
    title: `Søknad ${p.e1} om ${s.caseWord}`,
    description: `Beskrivelse ${s.entryDescription}`,
    documentDate: '2026-02-27',
    responsibleOfficer: `Saksbehandler ${s.officer}`,
    correspondents: [
      { name: `Person ${p.person}`, kind: 'person', role: 'sender', identityNumber: idPublicParty, address: `Gate ${s.address}`, postalCode: '9999', email },
      { name: `${p.org} AS`, kind: 'organisation', role: 'copy' },
    ],
  });
  await post(`/case-files/${open.id}/registry-entries`, {
    type: 'incoming',
    title: `Klage ${p.e2}`,
    correspondents: [{ name: `Klager ${s.partyScreened}`, kind: 'person', role: 'sender', identityNumber: idScreened }],
    screening: { legalBasis, fields: ['correspondents'] },
  });
  await post(`/case-files/${open.id}/registry-entries`, {
    type: 'outgoing',
    title: `Vedtak ${p.e3} til ${s.entryWord}`,
    // A party named by a screened word is screened as a whole.
    correspondents: [{ name: `Familien ${s.entryWord}`, kind: 'person', role: 'recipient' }],
    screening: { legalBasis, titleWords: [s.entryWord] },
  });
  await post(`/case-files/${open.id}/registry-entries`, { type: 'internal-without-followup', title: `Notat om ${s.wholeEntry}`, screening: wholly });
  const mistaken = await post(`/case-files/${open.id}/registry-entries`, { type: 'case-memo', title: `Feilført ${s.voidEntry}` });
  await post(`/case-files/${open.id}/registry-entries`, { type: 'incoming', title: `Melding ${p.e6}`, responsibleUnitId: hidden.id, correspondents: from });
  const later = await post(`/case-files/${open.id}/registry-entries`, { type: 'incoming', title: `Søknad ${p.e7} fra ${s.laterScreened}`, correspondents: from });
  await post(`/case-files/${open.id}/remarks`, { text: `Merknad ${s.caseRemark}` });
  await post(`/registry-entries/${e1.id}/remarks`, { text: `Merknad ${s.entryRemark}` });
  await call(radhus, officer, 'POST', api(`/case-files/${open.id}/retention`), { decision: 'keep', authority: `Plan ${s.retention}` });
  await upload(radhus, officer, api(`/registry-entries/${e1.id}/documents`), Buffer.from(`%PDF-1.7\n% ${s.documentContent}\n%%EOF\n`), { title: `Vedlegg ${s.documentTitle}` });

  // 2. A case whose whole title is screened, with a public entry; 3. a wholly screened case.
  const screenedTitle = await post('/case-files', { title: `Sak om ${s.caseTitle}`, screening: { legalBasis, fields: ['title'] } });
  await post(`/case-files/${screenedTitle.id}/registry-entries`, { type: 'incoming', title: `Brev ${p.e8}`, correspondents: from });
  const secretCase = await post('/case-files', { title: `Sak om ${s.wholeCase}`, screening: wholly });
  await post(`/case-files/${secretCase.id}/registry-entries`, { type: 'incoming', title: `Brev om ${s.wholeCaseEntry}`, correspondents: [{ name: `Avsender ${s.wholeCaseEntry}`, kind: 'person', role: 'sender' }] });

  // The council (issue 10): a politician's e-mail, a closed item's decision text (written as the
  // decisions' side records it, before the summons projects the meeting), and an item on the wholly
  // screened case must stay out of every public answer; the agenda is public at once (late summons).
  const secretariat = await radhus.token(tenant, 'secretariat');
  const council = (path: string, payload: object) => call(radhus, secretariat, 'POST', api(`/council${path}`), payload);
  const councilSecrets = { decision: `Vedtak-${hex()}`, email: `politiker-${hex()}@example.org` };
  const body = await council('/bodies', { code: 'kommunestyret', kind: 'council', name: no ? 'Kommunestyret' : 'Kommunfullmäktige' });
  await council('/persons', { givenName: 'Offentlig', familyName: 'Politiker', email: councilSecrets.email });
  const meeting = await council('/meetings', { bodyId: body.id, startsAt: '2026-03-03T16:00:00Z' });
  const closedItem = await council(`/meetings/${meeting.id}/agenda-items`, { title: 'Tilsetting', closed: true, closedLegalBasis: no ? 'kommuneloven § 11-5' : 'OSL 39 kap. 3 §' });
  await council(`/meetings/${meeting.id}/agenda-items`, { caseFileId: secretCase.id });
  await sql`update council_agenda_items set decision_text = ${councilSecrets.decision} where id = ${closedItem.id}`.execute(radhus.ctx.db.kysely);
  await council(`/meetings/${meeting.id}/summons`, { late: true });

  // Questions to politicians (issue 11): the asker's login (name, identity number), a withdrawn
  // question's text and a rejected one's text stay out; the name the asker chose is shown.
  // Asked of a politician without an address: the dev mailbox (public in this set-up) stays empty of it.
  const politician = await council('/persons', { givenName: 'Spurt', familyName: 'Politiker' });
  const askerNumber = testIdentityNumber();
  const asker = await loggedInPerson(radhus, [tenant.id], { name: `Innlogget-${hex()}`, identityNumber: askerNumber });
  const questionSecrets = { withdrawn: `Trukket-${hex()}`, rejected: `Avvist-${hex()}` };
  const askQuestion = async (text: string) => {
    const res = await radhus.app.inject({ method: 'POST', url: api('/questions'), headers: asker.headers, payload: { personId: politician.id, text, askerName: p.person! } });
    if (res.statusCode !== 201) throw new Error(`the leak fixture's question was refused: ${res.body}`);
    return res.json() as { id: string };
  };
  await askQuestion('Et offentlig spørsmål til politikeren?');
  const withdrawn = await askQuestion(`Spørsmål ${questionSecrets.withdrawn}?`);
  await radhus.app.inject({ method: 'POST', url: api(`/questions/${withdrawn.id}/withdrawal`), headers: asker.headers });
  const rejected = await askQuestion(`Spørsmål ${questionSecrets.rejected}?`);
  await call(radhus, secretariat, 'POST', api(`/questions/${rejected.id}/rejection`), { reason: 'Bryter reglene' });
  // A consultation (issue 11 §2) on the public case, its list published: a logged-in person's comment
  // is shown; one whose parties are screened afterwards shows neither sender nor text; one never
  // confirmed by e-mail is not public at all (its confirmation mail, in the dev mailbox, names no secret),
  // nor is any commenter's e-mail address.
  const consultationSecrets = { sender: `Høyring-${hex()}`, text: `Uttale-${hex()}`, unconfirmed: `Ubekrefta-${hex()}`, email: `kommentar-${hex()}@example.org` };
  const publicComment = { title: `Høring-${hex()}`, text: `Offentlig-${hex()}` };
  // Its own case: where any screening applies (the public case's title words), no document is public, so no comment text.
  const consultationCase = await post('/case-files', { title: `Høringssak ${publicComment.title}`, responsibleUnitId: visible.id });
  const consultation = await post('/consultations', { caseFileId: consultationCase.id, title: `Høring ${publicComment.title}`, deadline: new Date(radhus.clock.now().getTime() + 30 * 86_400_000).toISOString(), documentEntryIds: [] });
  for (const [name, text] of [[`Innbygger ${p.person}`, `Uttalelse ${publicComment.text}`], [`Innbygger ${consultationSecrets.sender}`, `Uttalelse ${consultationSecrets.text}`]] as const) {
    const person = await loggedInPerson(radhus, [tenant.id], { name });
    const res = await radhus.app.inject({ method: 'POST', url: api(`/consultations/${consultation.id}/comments`), headers: person.headers, payload: { text, email: consultationSecrets.email } });
    if (res.statusCode !== 201) throw new Error(`a consultation comment: ${res.statusCode} ${res.body}`);
  }
  const unconfirmed = await radhus.app.inject({ method: 'POST', url: api(`/consultations/${consultation.id}/comments`), payload: { text: `Uttalelse ${consultationSecrets.unconfirmed}`, authorName: `Navn ${consultationSecrets.unconfirmed}`, email: 'ventar@example.org' } });
  if (unconfirmed.statusCode !== 202) throw new Error(`an unconfirmed comment: ${unconfirmed.statusCode} ${unconfirmed.body}`);
  const filed = (await call(radhus, officer, 'GET', api(`/consultations/${consultation.id}/comments/staff`))).items as { authorName: string; registryEntryId: string }[];
  await call(radhus, officer, 'POST', api(`/consultations/${consultation.id}/publication`));
  await call(radhus, officer, 'PUT', api(`/registry-entries/${filed.find((c) => c.authorName.includes(consultationSecrets.sender))!.registryEntryId}/screening`), { screening: { legalBasis, fields: ['correspondents'] } });
  // Citizen proposals (issue 11): the author's name, title and text are public; the signers (names,
  // identity numbers), the author's identity number and the e-mails for news never are. Two
  // signatures reach the threshold, so the case is filed with the author's number on its sender.
  await call(radhus, secretariat, 'PUT', api('/participation/settings'), { proposalThreshold: 2, proposalBodyId: body.id });
  const idAuthor = no ? syntheticNorwegianNumber('1944-02-14', 13) : syntheticSwedishNumber('1944-02-14', 13);
  const idSigner = no ? syntheticNorwegianNumber('1952-06-30', 17) : syntheticSwedishNumber('1952-06-30', 17);
  const proposalSecrets = { signer: `Underskriver-${hex()}`, authorEmail: `forslag-${hex()}@example.org`, signerEmail: `signert-${hex()}@example.org` };
  const proposalTitle = `Forslag-${hex()}`;
  const author = await loggedInPerson(radhus, [tenant.id], { name: `Forslagsstiller ${p.person}`, identityNumber: idAuthor, level: 'high' });
  const proposal = (await radhus.app.inject({ method: 'POST', url: api('/proposals'), headers: author.headers, payload: { title: proposalTitle, body: 'Et forslag om noe godt for alle.', notifyEmail: proposalSecrets.authorEmail } })).json() as { id: string };
  const signer = await loggedInPerson(radhus, [tenant.id], { name: proposalSecrets.signer, identityNumber: idSigner, level: 'high' });
  const signed = await radhus.app.inject({ method: 'POST', url: api(`/proposals/${proposal.id}/signatures`), headers: signer.headers, payload: { notifyEmail: proposalSecrets.signerEmail } });
  if (signed.statusCode !== 201) throw new Error(`the fixture's proposal was not signed: ${signed.body}`);

  // Published first, withdrawn after: the void entry and the later screening must leave the projection.
  await radhus.settle();
  for (const marker of [s.voidEntry, s.laterScreened]) {
    const found = await sql<{ n: number }>`select count(*)::int as n from public_registry_entries where public_title like ${`%${marker}%`}`.execute(radhus.ctx.db.kysely);
    if (found.rows[0]!.n !== 1) throw new Error(`${marker} should have been published before it is withdrawn`);
  }
  await patch(`/registry-entries/${mistaken.id}`, { status: 'void' });
  await patch(`/registry-entries/${later.id}`, { screening: { legalBasis, titleWords: [s.laterScreened] } });
  await radhus.settle();

  return {
    tenant,
    secrets: { ...Object.fromEntries(kinds.map((k) => [s[k], k])), [email]: 'email', [councilSecrets.decision]: 'councilClosedDecision', [councilSecrets.email]: 'councilEmail',
      [asker.name]: 'questionAskerLogin', [questionSecrets.withdrawn]: 'withdrawnQuestion', [questionSecrets.rejected]: 'rejectedQuestionText',
      [consultationSecrets.sender]: 'consultationScreenedSender', [consultationSecrets.text]: 'consultationScreenedText', [consultationSecrets.unconfirmed]: 'consultationUnconfirmed', [consultationSecrets.email]: 'consultationEmail',
      // (The e-mails for news on proposals are mailed, so the demo's /dev/mailbox shows them: not secrets here.)
      [proposalSecrets.signer]: 'proposalSigner' },
    identityNumbers: [idScreened, idPublicParty, askerNumber, idAuthor, idSigner],
    shown: [p.caseTitle!, p.e1!, p.e2!, p.e3!, p.e6!, p.e7!, p.e8!, p.person!, p.org!, publicComment.title],
    projected: [p.unit!, publicComment.text, proposalTitle],
  };
}
