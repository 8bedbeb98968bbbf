// SPDX-License-Identifier: EUPL-1.2
// The SQL of the property register: replacing a property's facts on import, and reading the
// properties one person owns (always by owner, never by id alone).
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { isUuid, newId } from '../platform/ids.ts';
import type { PropertyRecord } from './parse.ts';

export interface PropertyRow {
  id: string;
  municipality_number: string;
  gnr: number;
  bnr: number;
  fnr: number;
  snr: number;
  address: string | null;
}

/** Upserts the property and replaces its owners, services and fees with the register's. */
export async function replaceProperty(tx: Tx, tenantId: string, p: PropertyRecord, at: Date): Promise<string> {
  const id = (
    await sql<{ id: string }>`
      insert into properties (id, tenant_id, municipality_number, gnr, bnr, fnr, snr, address, imported_at)
      values (${newId()}, ${tenantId}, ${p.municipalityNumber}, ${p.gnr}, ${p.bnr}, ${p.fnr}, ${p.snr}, ${p.address}, ${at})
      on conflict (tenant_id, municipality_number, gnr, bnr, fnr, snr) do update set address = coalesce(excluded.address, properties.address), imported_at = excluded.imported_at
      returning id`.execute(tx)
  ).rows[0]!.id;
  for (const table of ['property_owners', 'property_services', 'property_fees'] as const) await sql`delete from ${sql.table(table)} where property_id = ${id}`.execute(tx);
  for (const o of p.owners) await sql`insert into property_owners (tenant_id, property_id, identity_number, name) values (${tenantId}, ${id}, ${o.identityNumber}, ${o.name})`.execute(tx);
  for (const [i, s] of p.services.entries())
    await sql`insert into property_services (id, tenant_id, property_id, service, description, next_pickups, position)
      values (${newId()}, ${tenantId}, ${id}, ${s.service}, ${s.description}, ${`{${s.nextPickups.join(',')}}`}::date[], ${i})`.execute(tx);
  for (const [i, f] of p.fees.entries())
    await sql`insert into property_fees (id, tenant_id, property_id, kind, description, amount, currency, due_date, invoice_number, status, position)
      values (${newId()}, ${tenantId}, ${id}, ${f.kind}, ${f.description}, ${f.amount}, ${sql`(select case when country = 'SE' then 'SEK' else 'NOK' end from tenants where id = ${tenantId})`}, ${f.dueDate}, ${f.invoiceNumber}, ${f.status}, ${i})`.execute(tx);
  return id;
}

export async function insertImport(tx: Tx, row: { tenantId: string; fileName: string; format: 'csv' | 'json'; properties: number; at: Date; by: string }): Promise<void> {
  await sql`insert into property_imports (id, tenant_id, file_name, format, properties, imported_at, imported_by)
    values (${newId()}, ${row.tenantId}, ${row.fileName}, ${row.format}, ${row.properties}, ${row.at}, ${row.by})`.execute(tx);
}

const owned = (numbers: readonly string[]) => sql`exists (select 1 from property_owners o where o.property_id = p.id and o.identity_number = any(array[${sql.join(numbers.length ? numbers : [''])}]::text[]))`;

export async function propertiesOwnedBy(tx: Tx, numbers: readonly string[]): Promise<PropertyRow[]> {
  return (await sql<PropertyRow>`select p.id, p.municipality_number, p.gnr, p.bnr, p.fnr, p.snr, p.address from properties p where ${owned(numbers)} order by p.gnr, p.bnr, p.fnr, p.snr`.execute(tx)).rows;
}

export async function propertyOwnedBy(tx: Tx, numbers: readonly string[], id: string): Promise<PropertyRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await sql<PropertyRow>`select p.id, p.municipality_number, p.gnr, p.bnr, p.fnr, p.snr, p.address from properties p where p.id = ${id}::uuid and ${owned(numbers)}`.execute(tx)).rows[0];
}

export async function detailsOf(tx: Tx, propertyId: string) {
  const owners = (await sql<{ identity_number: string; name: string }>`select identity_number, name from property_owners where property_id = ${propertyId} order by name`.execute(tx)).rows;
  const services = (await sql<{ service: 'water' | 'sewage' | 'waste'; description: string | null; next_pickups: string[] | string }>`select service, description, next_pickups::text[] as next_pickups from property_services where property_id = ${propertyId} order by position`.execute(tx)).rows;
  const fees = (
    await sql<{ kind: 'fee' | 'invoice'; description: string; amount: number; currency: string; due_date: string | null; invoice_number: string | null; status: string | null }>`
      select kind, description, amount, currency, due_date, invoice_number, status from property_fees where property_id = ${propertyId} order by due_date nulls last, position`.execute(tx)
  ).rows;
  return { owners, services, fees };
}

/** How many properties the municipality's register holds. */
export async function propertyCount(tx: Tx): Promise<number> {
  return Number((await sql<{ n: string }>`select count(*)::text as n from properties`.execute(tx)).rows[0]!.n);
}
