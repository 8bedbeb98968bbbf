// SPDX-License-Identifier: EUPL-1.2
// Demo questions: in each demo municipality with a demo council, the demo citizen has asked a few
// questions over the past weeks (to a politician, to a party group), some answered, some waiting
// with their age. The demo politician login is linked to a council member (unless the roster links
// it already), so "Questions to me" shows something at the first login. Written through the
// service (its rules, its events), without mail. Idempotent: a municipality with questions is left.
import type { AppContext } from '../platform/context.ts';
import { withoutTenant, withTenant, type Tx } from '../platform/db/transaction.ts';
import { demoIssuer, findDemoUser, syncProviderRoles, upsertUser } from '../identity/service.ts';
import { listPersons, updatePerson } from '../council/service.ts';
import { findTenantBySlug } from '../tenants/service.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { answerQuestion, askQuestion, type QuestionCtx } from './service.ts';
import { anyQuestion } from './repository.ts';

const SLUGS = ['balsfjord', 'aneby', 'eksjo', 'nassjo', 'savsjo', 'vetlanda'];
const actor = { kind: 'cli', id: 'demo', name: 'Demodata' } as const;
const DAY = 86_400_000;

interface DemoQuestion { to: 'politician' | 'other' | 'party'; daysAgo: number; text: string; answer?: { daysAgo: number; text: string } }

const texts: Record<'NO' | 'SE', { asker: string; questions: DemoQuestion[] }> = {
  NO: {
    asker: 'Sigrid P.',
    questions: [
      { to: 'politician', daysAgo: 30, text: 'Når blir gang- og sykkelveien langs fylkesveien til skolen ferdig?', answer: { daysAgo: 26, text: 'Arbeidet starter til våren, og målet er at strekningen er ferdig før skolestart neste høst.' } },
      { to: 'party', daysAgo: 21, text: 'Vil partiet gå inn for å beholde åpningstidene på biblioteket i helgene?', answer: { daysAgo: 18, text: 'Ja. Vi vil foreslå at helgeåpent videreføres i budsjettet for neste år.' } },
      { to: 'politician', daysAgo: 12, text: 'Hva gjør kommunen for å få flere fastleger til å bli i kommunen?' },
      { to: 'other', daysAgo: 5, text: 'Kan kommunestyret vurdere lys i lysløypa også etter klokken 22 i vintermånedene?' },
    ],
  },
  SE: {
    asker: 'Elsa K.',
    questions: [
      { to: 'politician', daysAgo: 30, text: 'När blir gång- och cykelvägen längs länsvägen till skolan klar?', answer: { daysAgo: 26, text: 'Arbetet börjar i vår, och målet är att sträckan är klar före skolstarten i höst.' } },
      { to: 'party', daysAgo: 21, text: 'Kommer partiet att verka för att biblioteket behåller sina öppettider på helgerna?', answer: { daysAgo: 18, text: 'Ja. Vi kommer att föreslå att helgöppet finns kvar i nästa års budget.' } },
      { to: 'politician', daysAgo: 12, text: 'Vad gör kommunen för att fler distriktsläkare ska stanna i kommunen?' },
      { to: 'other', daysAgo: 5, text: 'Kan fullmäktige överväga belysning i elljusspåret även efter klockan 22 under vintern?' },
    ],
  },
};

export async function seedQuestionsDemo(ctx: AppContext, log: (line: string) => void = () => {}): Promise<{ added: string[] }> {
  const added: string[] = [];
  for (const slug of SLUGS) {
    const tenant = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, slug));
    if (!tenant) continue;
    const made = await withTenant(ctx.db, { tenantId: tenant.id, actor }, (tx) => seedTenant(tx, ctx, tenant));
    if (made) {
      added.push(slug);
      log(`${slug}: questions to politicians, some answered`);
    }
  }
  return { added };
}

async function demoLogin(tx: Tx, ctx: AppContext, tenant: Tenant, role: 'citizen' | 'politician'): Promise<string | undefined> {
  const demo = findDemoUser(`${tenant.slug}-${role}`);
  const roles = demo?.roles[tenant.slug];
  if (!demo || !roles) return undefined;
  const userId = await upsertUser(tx, { issuer: demoIssuer(ctx.config.publicUrl), subject: demo.id, name: demo.name, email: undefined, identityNumber: demo.identityNumber }, ctx.clock.now());
  await syncProviderRoles(tx, userId, new Map([[tenant.id, roles]]), ctx.clock.now());
  return userId;
}

async function seedTenant(tx: Tx, ctx: AppContext, tenant: Tenant): Promise<boolean> {
  if (await anyQuestion(tx)) return false;
  const persons = await listPersons(tx);
  if (persons.length < 2) return false; // no demo council here
  const now = ctx.clock.now();
  const [citizen, politician] = [await demoLogin(tx, ctx, tenant, 'citizen'), await demoLogin(tx, ctx, tenant, 'politician')];
  if (!citizen || !politician) return false;
  let member = persons.find((p) => p.user_id === politician);
  if (!member) {
    member = persons.find((p) => p.user_id === null && p.party_id !== null)!;
    await updatePerson(tx, { tenantId: tenant.id, actor: `${actor.kind}:${actor.id}:${actor.name}`, at: now }, member.id, { userId: politician });
  }
  const other = persons.find((p) => p.id !== member.id && p.party_id !== member.party_id) ?? persons.find((p) => p.id !== member.id)!;
  const text = texts[tenant.country];
  const base = { tenantId: tenant.id, municipality: { slug: tenant.slug, name: tenant.name, language: tenant.language }, publicUrl: ctx.config.publicUrl, mail: false };
  for (const q of text.questions) {
    const asker: QuestionCtx = { ...base, userId: citizen, at: new Date(now.getTime() - q.daysAgo * DAY) };
    const target = q.to === 'party' ? { partyId: member.party_id! } : { personId: (q.to === 'politician' ? member : other).id };
    const row = await askQuestion(tx, asker, { ...target, text: q.text, askerName: text.asker });
    if (q.answer) await answerQuestion(tx, { ...base, userId: politician, at: new Date(now.getTime() - q.answer.daysAgo * DAY) }, row.id, q.answer.text);
  }
  return true;
}
