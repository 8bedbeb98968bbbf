// SPDX-License-Identifier: EUPL-1.2
// Demo data of citizen proposals: each demo municipality takes proposals (a lowered threshold of 3,
// so that the demo citizens can reach it; the council decides), and Balsfjord and Aneby show one
// proposal open for signing and one the council has decided. Made through the proposals' own use
// cases, as the demo citizens (logged in with e-ID) and the secretariat (paper lists); the decision
// is written onto the decided one directly, as the demo has no meeting to put it on. Idempotent: a
// municipality with settings is left as it is.
import type { AppContext } from '../platform/context.ts';
import { withoutTenant, withTenant, type Tx } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import type { Principal } from '../platform/http/auth.ts';
import { syntheticNorwegianNumber, syntheticSwedishNumber } from '../common/idnumbers.ts';
import { demoIssuer, findDemoUser, upsertUser } from '../identity/service.ts';
import { listBodies } from '../council/service.ts';
import { findTenantBySlug } from '../tenants/service.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createProposal, proposalChanged, registerPaperSignatures, updateSettings, type ProposalCtx } from './proposals.ts';
import * as repo from './repository.ts';

const SLUGS = ['balsfjord', 'aneby', 'eksjo', 'nassjo', 'savsjo', 'vetlanda'];
const INHABITANTS: Record<string, number> = { balsfjord: 5600, aneby: 6900, eksjo: 17700, nassjo: 31900, savsjo: 11400, vetlanda: 27900 };

const texts = {
  NO: {
    open: { title: 'Benker og belysning langs turstien rundt Storsteinnes', body: 'Turstien rundt Storsteinnes brukes av mange hele året, men det er lite lys om vinteren og få steder å hvile. Vi foreslår at kommunen setter opp belysning på strekningen fra skolen til kaia og fem benker langs stien.' },
    decided: { title: 'Gratis leie av gymsalen for frivillige lag', body: 'Frivillige lag som arbeider med barn og unge bør kunne leie gymsalen på skolen gratis på kveldstid og i helgene, slik at flere kan delta i aktiviteter uten at kontingenten øker.' },
    decision: 'Kommunestyret vedtar at frivillige lag for barn og unge får leie kommunens gymsaler gratis fra neste skoleår.',
    paper: [['Jorunn Solheim', '1948-02-11'], ['Arne Mikkelsen', '1955-07-23']] as const,
  },
  SE: {
    open: { title: 'Laddstolpar vid kommunhuset', body: 'Fler invånare kör elbil men det finns inga publika laddstolpar i centrala Aneby. Vi föreslår att kommunen sätter upp fyra laddstolpar på parkeringen vid kommunhuset.' },
    decided: { title: 'Förläng badhusets öppettider på helger', body: 'Badhuset stänger tidigt på helgerna. Vi föreslår att det håller öppet till klockan 18 på lördagar och söndagar så att fler familjer kan bada.' },
    decision: 'Kommunfullmäktige bifaller medborgarförslaget. Badhusets öppettider förlängs på helger från och med nästa termin.',
    paper: [['Gunnel Åberg', '1949-03-12'], ['Stig Lundin', '1957-06-21']] as const,
  },
} as const;

async function demoUser(tx: Tx, ctx: AppContext, id: string): Promise<string | undefined> {
  const demo = findDemoUser(id);
  if (!demo) return undefined;
  return upsertUser(tx, { issuer: demoIssuer(ctx.config.publicUrl), subject: demo.id, name: demo.name, email: undefined, identityNumber: demo.identityNumber }, ctx.clock.now());
}

async function seedTenant(tx: Tx, ctx: AppContext, tenant: Tenant, staged: StagedFile[]): Promise<boolean> {
  if (await repo.selectSettings(tx)) return false;
  const at = ctx.clock.now();
  const council = (await listBodies(tx)).find((b) => b.kind === 'council');
  const c: ProposalCtx = { tenant, actor: 'cli:demo:Demodata', at };
  await updateSettings(tx, c, { inhabitants: INHABITANTS[tenant.slug] ?? null, proposalThreshold: 3, signingDays: 180, proposalBodyId: council?.id ?? null });
  if (!council || (tenant.slug !== 'balsfjord' && tenant.slug !== 'aneby')) return true;
  const citizenId = await demoUser(tx, ctx, `${tenant.slug}-citizen`);
  const secretariatId = await demoUser(tx, ctx, `${tenant.slug}-secretariat`);
  if (!citizenId || !secretariatId) return true;
  const citizen: Principal = { kind: 'user', id: citizenId, name: findDemoUser(`${tenant.slug}-citizen`)!.name, roles: ['citizen'], login: { at, level: 'high' } };
  const t = texts[tenant.country];
  const number = (birth: string) => (tenant.country === 'NO' ? syntheticNorwegianNumber(birth, 0) : syntheticSwedishNumber(birth, 0));
  const paper = t.paper.map(([name, birth]) => ({ name, identityNumber: number(birth) }));
  const secretariat = { ...c, actor: `user:${secretariatId}:Demo`, userId: secretariatId };

  // Open: the author's signature and one from a paper list — one more reaches the threshold.
  const open = await createProposal(tx, ctx, c, citizen, t.open, staged);
  await registerPaperSignatures(tx, ctx, secretariat, open.id, paper.slice(0, 1), staged);
  // Decided: reached with two paper signatures (a case in the archive), then the council's decision.
  const decided = await createProposal(tx, ctx, c, citizen, t.decided, staged);
  await registerPaperSignatures(tx, ctx, secretariat, decided.id, paper, staged);
  await repo.updateProposal(tx, decided.id, { status: 'decided', decision_text: t.decision, decided_at: at, updated_at: at });
  await proposalChanged(tx, c, decided.id);
  return true;
}

export async function seedProposalsDemo(ctx: AppContext, log: (line: string) => void = () => {}): Promise<{ added: string[] }> {
  const added: string[] = [];
  for (const slug of SLUGS) {
    const tenant = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, slug));
    if (!tenant) continue;
    const staged: StagedFile[] = [];
    try {
      const made = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'demo', name: 'Demodata' } }, async (tx) => {
        const done = await seedTenant(tx, ctx, tenant, staged);
        for (const file of staged) await file.commit();
        return done;
      });
      if (made) {
        added.push(slug);
        log(`${slug}: citizen proposal settings (threshold 3)${slug === 'balsfjord' || slug === 'aneby' ? ', an open and a decided proposal' : ''}`);
      }
    } finally {
      for (const file of staged) await file.discard();
    }
  }
  return { added };
}
