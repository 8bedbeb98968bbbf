// SPDX-License-Identifier: EUPL-1.2
// Arkiv, arkivskaper, arkivdel and klassifikasjonssystem: the frame every case file hangs in. Each
// new municipality gets a fonds, its creator, a series for the current period, and the common
// classification (KS K-koder in Norway, a process-based plan in Sweden).
import { tables, type Tx } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { logCreated, type ArchiveCtx } from './change-log.ts';
import type { ArchiveTables } from './tables.ts';
import { dateIn } from './numbering.ts';
import { classesFor } from './classification-plans.ts';
import { seedArchiveCodes } from './codes.ts';

const texts = {
  NO: { fonds: (n: string) => `${n} kommunes arkiv`, series: (y: string) => `Sakarkiv ${y}–`, system: 'K-koder (KS)', type: 'Funksjonsbasert' },
  SE: { fonds: (n: string) => `${n} kommuns arkiv`, series: (y: string) => `Diarium ${y}–`, system: 'Klassificeringsstruktur', type: 'Verksamhetsbaserad' },
};

export async function bootstrapArchive(tx: Tx, tenant: Tenant, at: Date): Promise<void> {
  const db = tables<ArchiveTables>(tx);
  const existing = await db.selectFrom('fonds').select('id').executeTakeFirst();
  if (existing) return;
  const c: ArchiveCtx = { tenantId: tenant.id, actor: 'cli:setup:Rådhus', at };
  const t = texts[tenant.country];
  const name = tenant.name.replace(/ (kommune|kommun)$/i, '');
  const fondsId = newId();
  await db.insertInto('fonds').values({ id: fondsId, tenant_id: tenant.id, title: t.fonds(name), description: null, status: 'open', created_at: at, created_by: c.actor }).execute();
  await logCreated(tx, c, 'fonds', fondsId, { title: t.fonds(name) });
  await db.insertInto('fonds_creators').values({ id: newId(), tenant_id: tenant.id, fonds_id: fondsId, creator_id: tenant.officialNumber, name: tenant.name, description: null }).execute();

  const systemId = newId();
  await db.insertInto('classification_systems').values({ id: systemId, tenant_id: tenant.id, title: t.system, type: t.type, type_code: 'FH', created_at: at, created_by: c.actor }).execute();
  const classes = classesFor(tenant.country).map((cl) => ({ id: newId(), tenant_id: tenant.id, classification_system_id: systemId, parent_id: null, class_id: cl.code, title: cl.title, created_at: at, created_by: c.actor }));
  await db.insertInto('classes').values(classes).execute();

  const periodStart = `${dateIn(at).slice(0, 4)}-01-01`;
  const seriesId = newId();
  const title = t.series(periodStart.slice(0, 4));
  await db.insertInto('series').values({ id: seriesId, tenant_id: tenant.id, fonds_id: fondsId, classification_system_id: systemId, title, status: 'active', period_start: periodStart, period_end: null, created_at: at, created_by: c.actor }).execute();
  await logCreated(tx, c, 'series', seriesId, { title, status: 'active', periodStart });
  await seedArchiveCodes(tx, tenant.id);
}

export async function activeSeries(tx: Tx) {
  return tables<ArchiveTables>(tx).selectFrom('series').selectAll().where('status', '=', 'active').orderBy('period_start', 'desc').executeTakeFirst();
}

export async function listSeries(tx: Tx) {
  return tables<ArchiveTables>(tx).selectFrom('series').selectAll().orderBy('period_start', 'desc').execute();
}

export async function listClasses(tx: Tx) {
  return tables<ArchiveTables>(tx).selectFrom('classes').select(['id', 'class_id', 'title', 'parent_id', 'classification_system_id']).orderBy('class_id').execute();
}
