// SPDX-License-Identifier: EUPL-1.2
// E-mail alerts of the public journal (issue 7 §3): a saved search (its parameters) or a case of
// one municipality. Subscribing mails a confirmation link and nothing else; once confirmed, the
// `journal-alerts.send` job runs the search every ALERT_INTERVAL under withPublic — the same search
// as the postliste, with its 12-month rule for personal names, so an old name triggers nothing —
// and mails what was published since the last message, with the cancel link in every message.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Language } from '../common/languages.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic, withTenant, type Tx } from '../platform/db/transaction.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { scheduleJob } from '../platform/jobs/store.ts';
import type { JobHandler } from '../platform/jobs/types.ts';
import { isMailAddress, sendMail } from '../platform/mail/send.ts';
import { findPublicMunicipality, searchPublicJournal, type SearchInput } from '../journal/service.ts';
import { confirmAlertMail, newMatchesMail } from './mail.ts';
import { insertAlert, selectAlert, selectPublicTenants, updateAlert, type AlertRow } from './repository.ts';

export const ALERT_JOB = 'journal-alerts.send';
/** How often a confirmed alert looks for news: often enough for a journalist, rarely enough to read. */
export const ALERT_INTERVAL_MS = 60 * 60 * 1000;
export const ALERT_FIELDS = ['q', 'fromDate', 'toDate', 'entryType', 'unit', 'caseNumber', 'correspondent', 'gnr', 'bnr'] as const;

const actor = { kind: 'system' as const, id: 'journal-alerts', name: 'public journal alerts' };
const inTenant = <T>(ctx: AppContext, tenantId: string, work: (tx: Tx) => Promise<T>) => withTenant(ctx.db, { tenantId, actor }, work);

/** The saved parameters as the search takes them; a search that cannot run is refused when saved. */
export function searchOf(saved: Record<string, string>): SearchInput {
  const number = (v: string | undefined) => (v !== undefined && /^\d{1,5}$/.test(v) ? Number(v) : undefined);
  return { q: saved.q, fromDate: saved.fromDate, toDate: saved.toDate, entryType: saved.entryType, unit: saved.unit, caseNumber: saved.caseNumber, correspondent: saved.correspondent, gnr: number(saved.gnr), bnr: number(saved.bnr) };
}

const linkOf = (ctx: AppContext, id: string, secret: string, action: 'confirm' | 'cancel') => `${ctx.config.publicUrl}/varsel/${id}/${action === 'confirm' ? 'bekreft' : 'avslutt'}?key=${secret}`;

export async function subscribeToJournal(ctx: AppContext, slug: string, input: { email: string; language: Language; search: Record<string, string> }): Promise<{ id: string; slug: string }> {
  const errors: FieldError[] = [];
  const email = input.email.trim();
  if (!isMailAddress(email)) errors.push({ field: 'email', code: 'invalidEmail', message: 'must be one e-mail address, e.g. kari@example.no' });
  const search = Object.fromEntries(ALERT_FIELDS.flatMap((f) => (input.search[f]?.trim() ? [[f, input.search[f]!.trim().slice(0, 500)]] : [])));
  if (Object.keys(search).length === 0) errors.push({ field: 'search', code: 'required', message: 'an alert follows a search or a case' });
  if (errors.length) throw invalid(errors);
  const now = ctx.clock.now();
  // The search must run (dates, cursor-free): refused here rather than failing every hour.
  const tenant = await withPublic(ctx.db, async (tx) => {
    const found = await findPublicMunicipality(tx, slug);
    await searchPublicJournal(tx, found.id, { ...searchOf(search), limit: 1 }, now);
    return found;
  });
  const row: AlertRow = { id: newId(), tenant_id: tenant.id, email, language: input.language, search, secret: randomBytes(24).toString('base64url'), status: 'unconfirmed', created_at: now, confirmed_at: null, cancelled_at: null, last_published_at: null };
  await inTenant(ctx, tenant.id, async (tx) => {
    await insertAlert(tx, row);
    await sendMail(tx, { to: email, template: confirmAlertMail, language: input.language, tenantId: tenant.id, at: now, params: { municipality: tenant.name, url: linkOf(ctx, row.id, row.secret, 'confirm') } });
  });
  return { id: row.id, slug: tenant.slug };
}

/** Which municipality an alert belongs to: the id says nothing, so each is tried under its own RLS. */
async function findAlert(ctx: AppContext, id: string, key: string): Promise<{ tenantId: string; slug: string }> {
  if (!isUuid(id)) throw notFound(`alert ${id}`);
  const tenants = await withPublic(ctx.db, (tx) => selectPublicTenants(tx));
  for (const t of tenants) {
    const alert = await inTenant(ctx, t.id, (tx) => selectAlert(tx, id));
    if (alert) {
      const a = Buffer.from(alert.secret);
      const b = Buffer.from(key);
      if (a.length !== b.length || !timingSafeEqual(a, b)) break;
      return { tenantId: t.id, slug: t.slug };
    }
  }
  throw notFound(`alert ${id} with this link`);
}

export async function confirmJournalAlert(ctx: AppContext, id: string, key: string): Promise<{ slug: string }> {
  const { tenantId, slug } = await findAlert(ctx, id, key);
  const now = ctx.clock.now();
  await inTenant(ctx, tenantId, async (tx) => {
    const alert = (await selectAlert(tx, id))!;
    if (alert.status !== 'unconfirmed') return;
    // News from now on: what was published before the alert is in the postliste already.
    await updateAlert(tx, id, { status: 'active', confirmed_at: now, last_published_at: now });
    await scheduleNext(tx, alert, now);
  });
  return { slug };
}

export async function cancelJournalAlert(ctx: AppContext, id: string, key: string): Promise<{ slug: string }> {
  const { tenantId, slug } = await findAlert(ctx, id, key);
  await inTenant(ctx, tenantId, (tx) => updateAlert(tx, id, { status: 'cancelled', cancelled_at: ctx.clock.now() }));
  return { slug };
}

function scheduleNext(tx: Tx, alert: AlertRow, now: Date) {
  const runAt = new Date(now.getTime() + ALERT_INTERVAL_MS);
  return scheduleJob(tx, { type: ALERT_JOB, tenantId: alert.tenant_id, runAt, key: `journal-alert:${alert.id}:${runAt.toISOString()}`, payload: { alertId: alert.id } });
}

export const sendAlertJob: JobHandler = {
  type: ALERT_JOB,
  async run(job, ctx) {
    const alertId = job.payload.alertId;
    if (!job.tenantId || typeof alertId !== 'string') throw new Error(`job ${job.id}: no municipality or alert`);
    const tenantId = job.tenantId;
    const now = ctx.clock.now();
    const alert = await inTenant(ctx, tenantId, (tx) => selectAlert(tx, alertId));
    if (!alert || alert.status !== 'active') return;
    const since = alert.last_published_at ?? alert.confirmed_at ?? now;
    // Newest first: the first 100 matches hold everything published since the last message, unless
    // more than 100 matching entries came within one interval (then the mail says the newest 100).
    const { tenant, fresh } = await withPublic(ctx.db, async (tx) => {
      const found = (await selectPublicTenants(tx)).find((t) => t.id === tenantId);
      if (!found) throw new Error(`job ${job.id}: municipality ${tenantId} is not public`);
      const result = await searchPublicJournal(tx, tenantId, { ...searchOf(alert.search), limit: 100 }, now);
      return { tenant: found, fresh: result.items.filter((e) => new Date(e.publishedAt) > since) };
    });
    await inTenant(ctx, tenantId, async (tx) => {
      if (fresh.length > 0) {
        const newest = new Date(Math.max(...fresh.map((e) => new Date(e.publishedAt).getTime())));
        const query = new URLSearchParams(alert.search).toString();
        await sendMail(tx, {
          to: alert.email, template: newMatchesMail, language: alert.language, tenantId, at: now, key: `journal-alert:${alert.id}:${newest.toISOString()}`,
          params: {
            municipality: tenant.name,
            entries: fresh.map((e) => `${e.documentNumber} ${e.title} (${ctx.config.publicUrl}/${tenant.slug}/postliste/${e.id})`).join('\n'),
            url: `${ctx.config.publicUrl}/${tenant.slug}/postliste?${query}`,
            cancelUrl: linkOf(ctx, alert.id, alert.secret, 'cancel'),
          },
        });
        await updateAlert(tx, alert.id, { last_published_at: newest });
      }
      await scheduleNext(tx, alert, now);
    });
  },
};
