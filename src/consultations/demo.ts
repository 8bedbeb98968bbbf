// SPDX-License-Identifier: EUPL-1.2
// Demo consultations (issue 11 §2): in each demo municipality a case in the archive with a
// consultation letter published in full, an open consultation on it (deadline a month ahead) with
// the letter as its document, one comment from a local association filed in the case, and the list
// of comments published. Idempotent: a municipality with a consultation already is left as it is.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import { withoutTenant, withTenant } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { addDocument, changeDocumentPublication, createCaseFile, createRegistryEntry } from '../archive/service.ts';
import { findTenantBySlug } from '../tenants/service.ts';
import { addFiledComment } from './comments.ts';
import { openConsultation, publishComments } from './consultations.ts';
import { allConsultationIds } from './repository.ts';

const SLUGS = ['balsfjord', 'aneby', 'eksjo', 'nassjo', 'savsjo', 'vetlanda'];
const actor = { kind: 'cli', id: 'demo', name: 'Demodata' } as const;

const texts = {
  NO: {
    caseTitle: 'Høring – forskrift om gebyr for renovasjon',
    letter: 'Høringsbrev: forslag til ny forskrift om gebyr for renovasjon',
    body: 'Kommunen foreslår en ny forskrift om gebyr for innsamling av husholdningsavfall.\n\nForslaget innfører lavere gebyr for husstander som deler beholder, og hentefrekvens hver tredje uke for restavfall.',
    title: 'Ny forskrift om gebyr for renovasjon',
    description: 'Kommunen ber om innspill til forslag til ny forskrift om gebyr for renovasjon.\n\nAlle kan uttale seg. Uttalelsene blir journalført i saken og publisert når høringen er avsluttet.',
    author: 'Kari Nordmann', organisation: 'Velforeningen i sentrum', email: 'velforeningen@example.org',
    comment: 'Velforeningen støtter at husstander som deler beholder får lavere gebyr. Vi ber kommunen vurdere henting hver andre uke om sommeren.',
  },
  SE: {
    caseTitle: 'Remiss – taxa för avfallshantering',
    letter: 'Remissbrev: förslag till ny taxa för avfallshantering',
    body: 'Kommunen föreslår en ny taxa för insamling av hushållsavfall.\n\nFörslaget ger lägre avgift för hushåll som delar kärl, och hämtning av restavfall var tredje vecka.',
    title: 'Ny taxa för avfallshantering',
    description: 'Kommunen ber om synpunkter på förslaget till ny taxa för avfallshantering.\n\nAlla kan lämna svar. Svaren diarieförs i ärendet och publiceras när remisstiden är slut.',
    author: 'Anna Andersson', organisation: 'Hembygdsföreningen', email: 'hembygd@example.org',
    comment: 'Föreningen stöder lägre avgift för hushåll som delar kärl. Vi ber kommunen överväga hämtning varannan vecka under sommaren.',
  },
};

export async function consultationsDemo(ctx: AppContext, log: (line: string) => void = () => {}): Promise<{ added: string[] }> {
  const added: string[] = [];
  for (const slug of SLUGS) {
    const tenant = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, slug));
    if (!tenant) continue;
    const w = texts[tenant.country];
    const staged: StagedFile[] = [];
    try {
      const made = await withTenant(ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
        if ((await allConsultationIds(tx)).length) return false;
        const now = ctx.clock.now();
        const c = { tenantId: tenant.id, actor: `${actor.kind}:${actor.id}:${actor.name}`, at: now };
        const kase = await createCaseFile(tx, c, { title: w.caseTitle });
        const letter = await createRegistryEntry(tx, { ...c, country: tenant.country, isSystem: false }, kase.id, {
          type: 'outgoing', title: w.letter, correspondents: [{ name: tenant.name, kind: 'organisation', role: 'recipient' }],
        });
        const file = await ctx.files.stage(Readable.from([Buffer.from(`${w.letter}\n\n${w.body}\n`)]));
        staged.push(file);
        const { document } = await addDocument(tx, c, letter.entry.id, { title: w.letter, relation: 'main', documentType: 'letter' }, { ...file, fileName: 'horingsbrev.txt', mimeType: 'text/plain' });
        await changeDocumentPublication(tx, c, document.id, { publishedInFull: true });
        const deadline = new Date(now.getTime() + 30 * 86_400_000).toISOString();
        const consultation = await openConsultation(tx, { ...c, userId: null }, { caseFileId: kase.id, title: w.title, description: w.description, deadline, documentEntryIds: [letter.entry.id] });
        await addFiledComment(tx, ctx, tenant, consultation.row.id, { authorName: w.author, organisation: w.organisation, email: w.email, text: w.comment }, c.actor, staged);
        await publishComments(tx, c, consultation.row.id);
        for (const f of staged) await f.commit();
        return true;
      });
      if (made) {
        added.push(slug);
        log(`${slug}: an open consultation with its letter and one comment`);
      }
    } finally {
      for (const f of staged) await f.discard();
    }
  }
  return { added };
}
