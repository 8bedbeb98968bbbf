// SPDX-License-Identifier: EUPL-1.2
// A person's properties: those where one of their identity numbers is among the owners. The other
// owners are shown by name only, never by number.
import type { Tx } from '../platform/db/transaction.ts';
import { detailsOf, propertiesOwnedBy, propertyOwnedBy, type PropertyRow } from './repository.ts';

const matrikkel = (p: PropertyRow) => `${p.municipality_number}-${p.gnr}/${p.bnr}/${p.fnr}/${p.snr}`;
const summary = (p: PropertyRow) => ({ id: p.id, matrikkel: matrikkel(p), gnr: p.gnr, bnr: p.bnr, fnr: p.fnr, snr: p.snr, address: p.address });

export async function myProperties(tx: Tx, numbers: readonly string[]) {
  return (await propertiesOwnedBy(tx, numbers)).map(summary);
}

export type PropertyView = NonNullable<Awaited<ReturnType<typeof myProperty>>>;

export async function myProperty(tx: Tx, numbers: readonly string[], id: string) {
  const p = await propertyOwnedBy(tx, numbers, id);
  if (!p) return undefined;
  const d = await detailsOf(tx, p.id);
  const mine = new Set(numbers);
  return {
    ...summary(p),
    owners: d.owners.map((o) => ({ name: o.name, you: mine.has(o.identity_number) })),
    services: d.services.map((s) => ({ service: s.service, description: s.description, nextPickups: (typeof s.next_pickups === 'string' ? s.next_pickups.replace(/[{}]/g, '').split(',').filter(Boolean) : s.next_pickups).map(String) })),
    fees: d.fees.map((f) => ({ kind: f.kind, description: f.description, amount: Number(f.amount), currency: f.currency, dueDate: f.due_date, invoiceNumber: f.invoice_number, status: f.status })),
  };
}
