// SPDX-License-Identifier: EUPL-1.2
// Test factories of access requests: a municipality with a unit, a case with a letter and its PDF,
// published; and the mail the requester got, read from the mail jobs.
import { sql } from 'kysely';
import type { TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import type { Tenant } from '../tenants/tenant.ts';

type Json = Record<string, any>;

export async function call(t: TestRadhus, headers: Record<string, string>, method: 'GET' | 'POST', url: string, payload?: object): Promise<Json> {
  const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
}

export interface Published {
  tenant: Tenant;
  officer: Record<string, string>;
  unit: Json;
  caseFile: Json;
  entry: Json;
  pdf: Buffer;
}

/** A municipality with a unit, a case of that unit, an incoming letter with a PDF, in its public journal. */
export async function publishedLetter(t: TestRadhus, options: { country?: 'NO' | 'SE'; title?: string; screenedWord?: string } = {}): Promise<Published> {
  const tenant = await t.tenant({ country: options.country ?? 'NO' });
  const officer = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
  const admin = { authorization: `Bearer ${await t.token(tenant, 'tenant-admin')}` };
  const api = (p: string) => `/api/v1/${tenant.slug}${p}`;
  const unit = await call(t, admin, 'POST', api('/units'), { code: 'PLAN', name: 'Plan og bygg' });
  const caseFile = await call(t, officer, 'POST', api('/case-files'), { title: 'Byggesak Storgata 1', responsibleUnitId: unit.id });
  const title = options.title ?? 'Søknad om rammetillatelse';
  const entry = await call(t, officer, 'POST', api(`/case-files/${caseFile.id}/registry-entries`), {
    type: 'incoming', title, correspondents: [{ name: 'Byggmester Hansen AS', kind: 'organisation', role: 'sender' }],
    ...(options.screenedWord ? { screening: { legalBasis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', titleWords: [options.screenedWord] } } : {}),
  });
  const pdf = Buffer.from(`%PDF-1.7\n% ${entry.id}\n%%EOF\n`);
  const form = multipartBody({ file: { name: 'soknad.pdf', type: 'application/pdf', content: pdf } });
  const uploaded = await t.app.inject({ method: 'POST', url: api(`/registry-entries/${entry.id}/documents`), headers: { ...officer, ...form.headers }, payload: form.body });
  if (uploaded.statusCode !== 201) throw new Error(uploaded.body);
  await t.settle();
  return { tenant, officer, unit, caseFile, entry, pdf };
}

export interface SentMail {
  to: string;
  subject: string;
  text: string;
  template: string;
}

/** Every mail scheduled so far (read as the owner), oldest first. */
export async function sentMail(t: TestRadhus): Promise<SentMail[]> {
  const rows = await sql<{ payload: { mail: SentMail } }>`select payload from jobs where type = 'mail.send' order by created_at, id`.execute(t.ctx.db.kysely);
  return rows.rows.map((r) => r.payload.mail);
}

export const linkIn = (text: string): string => {
  const url = /https?:\/\/\S+\/innsyn\/\S+/.exec(text)?.[0];
  if (!url) throw new Error(`no link in ${text}`);
  return url.replace(/^https?:\/\/[^/]+/, '');
};
