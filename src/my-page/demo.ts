// SPDX-License-Identifier: EUPL-1.2
// Demo data of My page, for Balsfjord's demo citizen (Sigrid Pedersen, synthetic number from the demo
// identity provider): her house and cabin in the property register with services and fees, and a
// building case on the house where she is the applicant and has a message from the case officer.
// Idempotent: nothing is added where the register already has properties. The Swedish demo
// municipalities get none: their fastighetsbeteckning is not a matrikkel number.
import type { AppContext } from '../platform/context.ts';
import { withTenant, withoutTenant } from '../platform/db/transaction.ts';
import { createCaseFile, createRegistryEntry, dateIn, listClasses } from '../archive/service.ts';
import { findDemoUser } from '../identity/service.ts';
import { findTenantBySlug } from '../tenants/service.ts';
import { importProperties, propertyCount } from '../properties/service.ts';
import { sendCaseMessage } from './messages.ts';

const DEMO_ACTOR = 'system:demo:Demodata';

export async function seedMyPageDemo(ctx: AppContext, log: (line: string) => void): Promise<{ added: string[] }> {
  const citizen = findDemoUser('balsfjord-citizen');
  const tenant = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, 'balsfjord'));
  if (!citizen || !tenant) return { added: [] };
  const at = ctx.clock.now();
  const day = (offset: number) => dateIn(new Date(at.getTime() + offset * 86_400_000));
  const n = tenant.officialNumber;
  const added = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'demo', name: 'demo' } }, async (tx) => {
    if ((await propertyCount(tx)) > 0) return false;
    const register = {
      properties: [
        {
          matrikkel: `${n}-45/12`, address: 'Storsteinnesveien 12, 9050 Storsteinnes',
          owners: [{ identityNumber: citizen.identityNumber, name: citizen.name }],
          services: [
            { service: 'water', description: 'Kommunalt vann' },
            { service: 'sewage', description: 'Kommunalt avløp' },
            { service: 'waste', description: 'Restavfall 140 l, papir 240 l', nextPickups: [day(3), day(17), day(31), day(45)] },
          ],
          fees: [
            { kind: 'fee', description: `Vannavgift ${day(0).slice(0, 4)}`, amount: '4120.00' },
            { kind: 'fee', description: `Avløpsavgift ${day(0).slice(0, 4)}`, amount: '5310.00' },
            { kind: 'invoice', description: 'Kommunale avgifter 1. termin', amount: '4710.00', dueDate: day(-40), invoiceNumber: `${day(0).slice(0, 4)}-10451`, status: 'paid' },
            { kind: 'invoice', description: 'Kommunale avgifter 2. termin', amount: '4710.00', dueDate: day(20), invoiceNumber: `${day(0).slice(0, 4)}-20451`, status: 'open' },
          ],
        },
        { matrikkel: `${n}-112/3/0/1`, address: 'Malangsvegen 410 (fritidsbolig)', owners: [{ identityNumber: citizen.identityNumber, name: citizen.name }], services: [{ service: 'waste', description: 'Hyttecontainer', nextPickups: [day(10)] }] },
      ],
    };
    const report = await importProperties(tx, { tenantId: tenant.id, officialNumber: n, country: tenant.country, actor: DEMO_ACTOR, at }, { name: 'demo.json', text: JSON.stringify(register) });
    if (!report.imported) throw new Error(`the demo property register was refused: ${JSON.stringify(report.rejected)}`);

    const c = { tenantId: tenant.id, actor: DEMO_ACTOR, at, country: tenant.country, timeZone: 'Europe/Oslo' };
    const classes = await listClasses(tx);
    const building = classes.find((k) => /bygg/i.test(k.title)) ?? classes[0];
    const kase = await createCaseFile(tx, c, { title: 'Byggesak gnr. 45 bnr. 12 – tilbygg til bolig', ...(building ? { classId: building.id } : {}) });
    await createRegistryEntry(tx, { ...c, isSystem: true }, kase.id, {
      type: 'incoming', title: 'Søknad om tillatelse til tiltak – tilbygg', receivedDate: day(0),
      correspondents: [{ kind: 'person', role: 'sender', name: citizen.name, identityNumber: citizen.identityNumber }],
    });
    const staged: Array<{ commit(): Promise<void>; discard(): Promise<void> }> = [];
    try {
      await sendCaseMessage(tx, ctx, c, tenant, kase.id, { subject: 'Søknaden er mottatt – vi trenger situasjonsplan', text: 'Hei!\n\nVi har mottatt søknaden din om tilbygg. Før vi kan behandle den, trenger vi en situasjonsplan som viser tilbygget og avstand til nabogrensen. Du kan sende den fra Min side.\n\nMed vennlig hilsen\nByggesak, Balsfjord kommune' }, staged as never);
      for (const file of staged) await file.commit();
    } finally {
      for (const file of staged) await file.discard();
    }
    return true;
  });
  if (added) log(`${tenant.slug}: My page demo (2 properties, a building case with a message) for ${citizen.name}`);
  return { added: added ? [tenant.slug] : [] };
}
