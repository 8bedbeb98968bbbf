// SPDX-License-Identifier: EUPL-1.2
// eInnsyn's order.xml in both versions, by upload and by mail: matched by system id, registry
// number, or case and document number; what cannot be matched is reported and kept, not dropped.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { OrderXmlError, parseAccessOrder } from './order-xml.ts';
import { orderXmlOfMessage } from './import.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accessOrderImport } from '../cli/commands/access-order-import.ts';
import { call, publishedLetter, type Published } from './test-support.ts';

type Json = Record<string, any>;

const v1 = (p: { caseNumber: string; numberInCase: string; journalnr: string }) => `<?xml version="1.0" encoding="UTF-8"?>
<bestilling>
  <id>a1b2c3</id>
  <bestillingsdato>2026-03-02</bestillingsdato>
  <til><enhet>Testkommune</enhet><enhetepost>postmottak@test.kommune.no</enhetepost></til>
  <innsynskravepost>innsyn@test.kommune.no</innsynskravepost>
  <kontaktinfo><forsendelsesmåte>e-post</forsendelsesmåte><e-post>journalist@avis.no</e-post></kontaktinfo>
  <dokumenter>
    <dokument><saksnr>${p.caseNumber}</saksnr><dokumentnr>${p.numberInCase}</dokumentnr><journalnr>${p.journalnr}</journalnr><saksbehandler>Siri</saksbehandler></dokument>
    <dokument><saksnr>2019/999</saksnr><dokumentnr>4</dokumentnr><journalnr>12345</journalnr><saksbehandler>Ukjent</saksbehandler></dokument>
  </dokumenter>
</bestilling>`;

const v2 = (p: { systemId: string; journalnr: string }) => `<?xml version="1.0" encoding="UTF-8"?>
<ns2:bestilling xmlns:ns2="http://www.einnsyn.no/bestilling">
  <id>d4e5f6</id>
  <bestillingsdato>2026-03-02</bestillingsdato>
  <til><virksomhet>Testkommune</virksomhet><orgnr>974000000</orgnr><enhetepost>postmottak@test.kommune.no</enhetepost></til>
  <kontaktinfo><forsendelsesmåte>e-post</forsendelsesmåte><e-post>forsker@uni.no</e-post></kontaktinfo>
  <dokumenter>
    <dokument><id>http://data.einnsyn.no/journalpost/x</id><systemId>${p.systemId}</systemId><saksnr>1990/1</saksnr><dokumentnr>1</dokumentnr><journalnr>1</journalnr><admEnhet>PLAN</admEnhet><fagsysteminfo><id>${p.systemId}</id><delId>1</delId></fagsysteminfo></dokument>
    <dokument><id>http://data.einnsyn.no/journalpost/y</id><systemId></systemId><journalnr>${p.journalnr}</journalnr><saksnr>2026/1</saksnr></dokument>
    <dokument><id>http://data.einnsyn.no/journalpost/z</id><systemId>0190c0de-0000-7000-8000-000000000000</systemId><saksnr>2018/5</saksnr><dokumentnr>2</dokumentnr></dokument>
  </dokumenter>
</ns2:bestilling>`;

describe('order.xml', () => {
  it('reads both versions', () => {
    const one = parseAccessOrder(v1({ caseNumber: '2026/1', numberInCase: '1', journalnr: '7' }));
    expect(one).toMatchObject({ version: 'v1', id: 'a1b2c3', email: 'journalist@avis.no', orderedAt: '2026-03-02', to: 'Testkommune' });
    expect(one.lines).toEqual([
      { index: 0, caseNumber: '2026/1', numberInCase: '1', registryNumber: '7', officer: 'Siri' },
      { index: 1, caseNumber: '2019/999', numberInCase: '4', registryNumber: '12345', officer: 'Ukjent' },
    ]);
    const two = parseAccessOrder(v2({ systemId: '0190aaaa-0000-7000-8000-000000000001', journalnr: '2026/3' }));
    expect(two).toMatchObject({ version: 'v2', id: 'd4e5f6', email: 'forsker@uni.no', to: 'Testkommune' });
    expect(two.lines[0]).toMatchObject({ systemId: '0190aaaa-0000-7000-8000-000000000001', unit: 'PLAN' });
    // An empty systemId falls back to eInnsyn's own id, which matches nothing here (and is reported).
    expect(two.lines[1]).toMatchObject({ registryNumber: '2026/3', systemId: 'http://data.einnsyn.no/journalpost/y' });
  });

  it('refuses what is not an order, and XML tricks', () => {
    for (const bad of ['', 'not xml', '<bestilling>', '<ordre/>', '<bestilling><dokumenter/></bestilling>', '<!DOCTYPE bestilling [<!ENTITY x SYSTEM "file:///etc/passwd">]><bestilling>&x;</bestilling>', '<bestilling>&unknown;</bestilling>', '<a></b>'])
      expect(() => parseAccessOrder(bad), bad).toThrow(OrderXmlError);
  });

  it('finds the order in a mail: base64 or quoted-printable attachment, or the body itself', () => {
    const xml = v1({ caseNumber: '2026/1', numberInCase: '1', journalnr: '7' });
    const attached = [
      'From: eInnsyn <ikkje-svar@einnsyn.no>', 'To: innsyn@test.kommune.no', 'Subject: Innsynskrav', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="XYZ"', '',
      '--XYZ', 'Content-Type: text/plain; charset=utf-8', '', 'Innsynskrav frå eInnsyn.', '--XYZ', 'Content-Type: application/xml; name="order.xml"', 'Content-Disposition: attachment; filename="order.xml"',
      'Content-Transfer-Encoding: base64', '', Buffer.from(xml).toString('base64').replace(/(.{76})/g, '$1\r\n'), '--XYZ--', '',
    ].join('\r\n');
    expect(orderXmlOfMessage(attached)).toBe(xml.trim());
    const inline = ['Subject: order', 'Content-Type: text/xml; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', xml.replace(/å/g, '=C3=A5')].join('\n');
    expect(parseAccessOrder(orderXmlOfMessage(inline)).email).toBe('journalist@avis.no');
  });
});

describe(`importAccessOrder (${testEngine()})`, () => {
  let t: TestRadhus;
  let p: Published;
  beforeAll(async () => {
    t = await createTestRadhus();
    p = await publishedLetter(t);
  }, 120_000);
  afterAll(() => t?.close());
  const url = () => `/api/v1/${p.tenant.slug}/access-orders`;

  it('version 1 by upload: matched by case and document number, the unknown line reported and kept', async () => {
    const [caseNumber] = p.entry.documentNumber.split('-');
    const report = await call(t, p.officer, 'POST', url(), { xml: v1({ caseNumber, numberInCase: p.entry.documentNumber.split('-')[1], journalnr: '999' }) });
    expect(report).toMatchObject({ format: 'v1', externalId: 'a1b2c3', matched: 1, unmatched: 1 });
    expect(report.lines[0]).toMatchObject({ matched: true, registryEntryId: p.entry.id });
    expect(report.lines[1]).toMatchObject({ matched: false, caseNumber: '2019/999', reason: expect.stringContaining('no entry') });
    const queue = await call(t, p.officer, 'GET', `${url().replace('access-orders', 'access-requests')}`);
    const request = queue.items.find((i: Json) => i.id === report.requests[0]);
    expect(request).toMatchObject({ source: 'einnsyn', status: 'received', requesterEmail: 'journalist@avis.no', unitId: p.unit.id });
    expect(request.entries[0]).toMatchObject({ registryNumber: p.entry.registryNumber, publicTitle: 'Søknad om rammetillatelse' });
    const kept = await sql<{ lines: Json[]; unmatched: number }>`select lines, unmatched from access_order_imports where id = ${report.id}`.execute(t.ctx.db.kysely);
    expect(kept.rows[0]!.unmatched).toBe(1);
    expect(kept.rows[0]!.lines[1]).toMatchObject({ caseNumber: '2019/999', matched: false });
  });

  it('version 2 by mail: matched by system id and by registry number; a line for the same entry twice is reported', async () => {
    const xml = v2({ systemId: p.entry.id, journalnr: p.entry.registryNumber });
    const message = ['Subject: Innsynskrav', 'Content-Type: multipart/mixed; boundary=b1', '', '--b1', 'Content-Type: application/xml', 'Content-Disposition: attachment; filename=order.xml', 'Content-Transfer-Encoding: base64', '', Buffer.from(xml).toString('base64'), '--b1--'].join('\n');
    const report = await call(t, p.officer, 'POST', url(), { message });
    expect(report).toMatchObject({ format: 'v2', matched: 1, unmatched: 2 });
    expect(report.lines.map((l: Json) => l.matched)).toEqual([true, false, false]);
    expect(report.lines[1]).toMatchObject({ registryEntryId: p.entry.id, reason: 'the same entry as an earlier line' });
    const kept = await sql<{ received_via: string }>`select received_via from access_order_imports where id = ${report.id}`.execute(t.ctx.db.kysely);
    expect(kept.rows[0]!.received_via).toBe('mail');
  });

  it('radhus access-order import takes the mail from a file, and lists what it could not match', async () => {
    const file = join(t.config.dataDir, 'order.eml');
    const xml = v1({ caseNumber: p.entry.documentNumber.split('-')[0], numberInCase: p.entry.documentNumber.split('-')[1], journalnr: '1' });
    await writeFile(file, ['Subject: Innsynskrav', 'Content-Type: application/xml', 'Content-Transfer-Encoding: base64', '', Buffer.from(xml).toString('base64')].join('\n'));
    const out: string[] = [];
    const code = await accessOrderImport.run({ ctx: t.ctx, values: { tenant: p.tenant.slug, file }, io: { out: (l) => out.push(l), err: (l) => out.push(l) }, operator: 'postmaster', migrated: [] });
    expect(code).toBe(3);
    expect(out[0]).toMatch(/^Imported order a1b2c3 \(v1\) for .*: 1 line\(s\) matched, 1 not\.$/);
    expect(out[1]).toContain('saksnr 2019/999');
    await writeFile(file, 'Subject: no order\n\nhello');
    const refused: string[] = [];
    expect(await accessOrderImport.run({ ctx: t.ctx, values: { tenant: p.tenant.slug, file }, io: { out: (l) => refused.push(l), err: (l) => refused.push(l) }, operator: 'postmaster', migrated: [] })).toBe(1);
    expect(refused[0]).toContain('carries no order.xml');
  });

  it('an order that matches nothing is kept and reported, with no request', async () => {
    const report = await call(t, p.officer, 'POST', url(), { xml: v1({ caseNumber: '1999/1', numberInCase: '1', journalnr: '1' }) });
    expect(report).toMatchObject({ matched: 0, unmatched: 2, requests: [], orderId: null });
  });
});
