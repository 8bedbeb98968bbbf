// SPDX-License-Identifier: EUPL-1.2
// Test factories of the politician's workspace (src/council-workspace): a politician's session (a logged-in person with the role,
// linked to a council person when one is given), and an agenda item with a paper in the archive.
import { Readable } from 'node:stream';
import { withoutTenant } from '../platform/db/transaction.ts';
import { grantLocalRole } from '../identity/users.ts';
import { addDocument, changeDocumentPublication, createCaseFile, createRegistryEntry, detectFormat } from '../archive/service.ts';
import { loggedInPerson, type TestPerson } from './person.ts';
import type { TestRadhus } from './app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import * as council from '../council/service.ts';
import { inCouncil } from '../council/test-support.ts';
import { simplePdf } from '../council/demo-pdf.ts';

/** A person logged in with the politician role; linked to the council person if one is named. */
export async function politician(t: TestRadhus, tenant: Tenant, name: string, personId?: string): Promise<TestPerson> {
  const person = await loggedInPerson(t, [tenant.id], { name });
  await withoutTenant(t.ctx.db, (tx) => grantLocalRole(tx, tenant.id, person.userId, 'politician', t.clock.now()));
  if (personId) await inCouncil(t, tenant, (tx, c) => council.updatePerson(tx, c, personId, { userId: person.userId }));
  return person;
}

/** A political case with its presentation (a PDF), published in full or not, on the meeting's agenda. */
export async function itemWithPaper(t: TestRadhus, tenant: Tenant, meetingId: string, input: { title: string; published: boolean; closed?: boolean }) {
  return inCouncil(t, tenant, async (tx, c) => {
    const caseFile = await createCaseFile(tx, c, { title: input.title });
    const { entry } = await createRegistryEntry(tx, { ...c, country: tenant.country, isSystem: false }, caseFile.id, { type: 'internal-without-followup', title: `Saksframlegg: ${input.title}` });
    const pdf = simplePdf(input.title, [tenant.name, input.title]);
    const stored = await t.ctx.files.put(Readable.from(pdf));
    const { document } = await addDocument(tx, c, entry.id, { title: input.title, relation: 'main' }, { ...stored, fileName: 'saksframlegg.pdf', mimeType: 'application/pdf', detected: detectFormat(pdf, 'application/pdf') });
    if (input.published) await changeDocumentPublication(tx, c, document.id, { publishedInFull: true });
    const item = await council.addAgendaItem(tx, c, meetingId, { caseFileId: caseFile.id, presentationEntryId: entry.id, ...(input.closed ? { closed: true, closedLegalBasis: 'kommuneloven § 11-5 andre ledd bokstav c' } : {}) });
    return { item, entryId: entry.id, documentId: document.id, pdf };
  });
}
