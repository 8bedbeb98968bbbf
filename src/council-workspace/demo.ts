// SPDX-License-Identifier: EUPL-1.2
// The workspace's demo (issue 11): in each demo municipality the council's leader and deputy (one
// party list) and that list's first substitute become the demo politician logins (named as the
// logins are), the secretariat login gets an address for the absence mails, and the next council
// meeting gets an agenda — two open items and a closed one whose paper is not public — and its
// summons, so a member has papers to read. Idempotent: a council whose leader has a login already
// is left as it is.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import { withoutTenant, withTenant, type Tx } from '../platform/db/transaction.ts';
import { addDocument, changeDocumentPublication, createCaseFile, createRegistryEntry, detectFormat } from '../archive/service.ts';
import { demoIssuer, findDemoUser, syncProviderRoles, upsertUser } from '../identity/service.ts';
import { findTenantBySlug } from '../tenants/service.ts';
import type { Tenant } from '../tenants/tenant.ts';
import * as council from '../council/service.ts';


const SLUGS = ['balsfjord', 'aneby', 'eksjo', 'nassjo', 'savsjo', 'vetlanda'];
const COUNCIL_CODE = { NO: 'kommunestyret', SE: 'kommunfullmaktige' } as const;
const actor = { kind: 'cli', id: 'demo', name: 'Demodata' } as const;

const AGENDA = {
  NO: {
    open: [
      { title: 'Trafikksikkerhetsplan 2027–2030', text: 'Trafikksikkerhetsplan 2027–2030 vedtas.' },
      { title: 'Kommunal planstrategi 2027–2031', text: 'Kommunal planstrategi 2027–2031 vedtas.' },
    ],
    closed: { title: 'Erstatningssak – forhandlingsposisjon', basis: 'kommuneloven § 11-5 andre ledd bokstav c', text: 'Kommunedirektørens vurdering av forhandlingsposisjonen. Unntatt offentlighet.' },
  },
  SE: {
    open: [
      { title: 'Trafiksäkerhetsprogram 2027–2030', text: 'Trafiksäkerhetsprogrammet 2027–2030 antas.' },
      { title: 'Översiktsplan – aktualitetsprövning', text: 'Översiktsplanen förklaras vara aktuell.' },
    ],
    closed: { title: 'Skadeståndsärende – förhandlingsläge', basis: 'offentlighets- och sekretesslagen 19 kap. 1 §', text: 'Kommundirektörens bedömning av förhandlingsläget. Sekretess.' },
  },
};

export async function seedWorkspaceDemo(ctx: AppContext, log: (line: string) => void = () => {}): Promise<{ added: string[] }> {
  const added: string[] = [];
  for (const slug of SLUGS) {
    const tenant = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, slug));
    if (!tenant) continue;
    const made = await withTenant(ctx.db, { tenantId: tenant.id, actor }, (tx) => seedTenant(tx, ctx, tenant));
    if (made) {
      added.push(slug);
      log(`${slug}: politician logins linked to the council, the next council meeting's agenda summoned`);
    }
  }
  return { added };
}

async function demoLogin(tx: Tx, ctx: AppContext, tenant: Tenant, id: string, email?: string): Promise<string | undefined> {
  const demo = findDemoUser(id);
  const roles = demo?.roles[tenant.slug];
  if (!demo || !roles) return undefined;
  const userId = await upsertUser(tx, { issuer: demoIssuer(ctx.config.publicUrl), subject: demo.id, name: demo.name, email, identityNumber: demo.identityNumber }, ctx.clock.now());
  await syncProviderRoles(tx, userId, new Map([[tenant.id, roles]]), ctx.clock.now());
  return userId;
}

async function seedTenant(tx: Tx, ctx: AppContext, tenant: Tenant): Promise<boolean> {
  const now = ctx.clock.now();
  const c = { tenantId: tenant.id, actor: `${actor.kind}:${actor.id}:${actor.name}`, at: now };
  const body = (await council.listBodies(tx)).find((b) => b.code === COUNCIL_CODE[tenant.country]);
  if (!body) return false;
  const seats = await council.listMemberships(tx, body.id);
  const leader = seats.find((s) => s.role === 'leader');
  const deputy = seats.find((s) => s.role === 'deputy' && s.party_id === leader?.party_id);
  const substitute = seats.filter((s) => s.role === 'substitute' && s.party_id === leader?.party_id).sort((a, b) => (a.substitute_order ?? 99) - (b.substitute_order ?? 99))[0];
  if (!leader || !deputy || !substitute) return false;
  const persons = new Map((await council.listPersons(tx)).map((p) => [p.id, p]));
  if (persons.get(leader.person_id)?.user_id) return false;

  for (const [seat, login] of [[leader, `${tenant.slug}-politician`], [deputy, `${tenant.slug}-politician-2`], [substitute, `${tenant.slug}-substitute`]] as const) {
    const userId = await demoLogin(tx, ctx, tenant, login);
    const demo = findDemoUser(login)!;
    if (userId) await council.updatePerson(tx, c, seat.person_id, { userId, givenName: demo.givenName, familyName: demo.familyName });
  }
  // The secretariat gets the absence mails in the demo mailbox.
  await demoLogin(tx, ctx, tenant, `${tenant.slug}-secretariat`, `sekretariat@${tenant.slug}.example.org`);

  // The next council meeting that is still planned: an agenda, and its summons.
  const meeting = (await council.listMeetings(tx, { bodyId: body.id, from: now })).find((m) => m.status === 'planned');
  if (!meeting) return true;
  const text = AGENDA[tenant.country];
  const paper = async (title: string, line: string, published: boolean) => {
    const caseFile = await createCaseFile(tx, c, { title });
    const { entry } = await createRegistryEntry(tx, { ...c, country: tenant.country, isSystem: false }, caseFile.id, { type: 'internal-without-followup', title: `${tenant.country === 'NO' ? 'Saksframlegg' : 'Tjänsteskrivelse'}: ${title}` });
    const pdf = council.simplePdf(title, [tenant.name, '', line]);
    const stored = await ctx.files.put(Readable.from(pdf));
    const { document } = await addDocument(tx, c, entry.id, { title, relation: 'main' }, { ...stored, fileName: `${caseFile.id}.pdf`, mimeType: 'application/pdf', detected: detectFormat(pdf, 'application/pdf') });
    if (published) await changeDocumentPublication(tx, c, document.id, { publishedInFull: true });
    return { caseFileId: caseFile.id, presentationEntryId: entry.id };
  };
  for (const item of text.open) await council.addAgendaItem(tx, c, meeting.id, await paper(item.title, item.text, true));
  await council.addAgendaItem(tx, c, meeting.id, { ...(await paper(text.closed.title, text.closed.text, false)), closed: true, closedLegalBasis: text.closed.basis });
  await council.publishSummons(tx, { ...c, country: tenant.country }, meeting.id, {});
  return true;
}
