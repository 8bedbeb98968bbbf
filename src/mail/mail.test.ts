// SPDX-License-Identifier: EUPL-1.2
// Mail end to end against a real SMTP server on loopback (smtp-server), including one that is down
// first; and the demo mailbox in DATA_DIR with its /dev/mailbox pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, smtpServer } from '../test-support/smtp.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import type { Job } from '../platform/jobs/types.ts';
import { MAIL_JOB, mailJob, mailJobHandler } from '../platform/mail/send.ts';
import { renderMail, type MailTemplate } from '../platform/mail/template.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { languages } from '../common/languages.ts';
import { testMessage } from './templates.ts';
import { mailTexts } from './texts.ts';

let t: TestRadhus;
beforeAll(async () => {
  t = await createTestRadhus({ RADHUS_DEMO_IDP: 'true' });
});
afterAll(async () => t?.close());

const contextWith = (env: NodeJS.ProcessEnv): AppContext => ({
  ...t.ctx,
  config: loadConfig({ NODE_ENV: 'test', DATA_DIR: t.config.dataDir, RADHUS_DEMO_IDP: 'false', ...env }),
});

const asJob = (scheduled: ReturnType<typeof mailJob>, attempts = 0): Job => ({
  id: `job-${Math.random().toString(16).slice(2)}`,
  type: scheduled.type,
  tenantId: scheduled.tenantId ?? null,
  payload: scheduled.payload ?? {},
  runAt: scheduled.runAt,
  attempts,
});

const greeting: MailTemplate<{ name: string; marker: string }> = {
  name: 'test.greeting',
  render: {
    nb: (p) => ({ subject: `Hei ${p.name} ${p.marker}`, paragraphs: [`Kjære ${p.name}.`, 'Vi har mottatt søknaden din.'], action: { label: 'Se saken', url: 'https://radhus.example/balsfjord' } }),
    nn: (p) => ({ subject: `Hei ${p.name} ${p.marker}`, paragraphs: [`Kjære ${p.name}.`, 'Vi har motteke søknaden din.'] }),
    sv: (p) => ({ subject: `Hej ${p.name} ${p.marker}`, paragraphs: [`Hej ${p.name}.`, 'Vi har tagit emot din ansökan.'], signature: 'Aneby kommun' }),
    en: (p) => ({ subject: `Hello ${p.name} ${p.marker}`, paragraphs: [`Dear ${p.name},`, 'We have received your application.'], action: { label: 'Evil', url: 'javascript:alert(1)' } }),
  },
};

describe('templates', () => {
  it('render text and accessible HTML in the recipient language, escaping every value', () => {
    const nb = renderMail(greeting, 'nb', { name: '<script>alert("x")</script>', marker: 'm1' });
    expect(nb.subject).toBe('Hei <script>alert("x")</script> m1');
    expect(nb.text).toContain('Vi har mottatt søknaden din.');
    expect(nb.text).toContain('Se saken:\nhttps://radhus.example/balsfjord');
    expect(nb.html).toContain('<html lang="nb">');
    expect(nb.html).toContain('<title>Hei &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; m1</title>');
    expect(nb.html).not.toContain('<script>');
    expect(nb.html).toContain('<a href="https://radhus.example/balsfjord"');
    const en = renderMail(greeting, 'en', { name: 'Kari', marker: 'm1' });
    expect(en.html).not.toContain('href="javascript:');
    expect(renderMail(greeting, 'sv', { name: 'Kari', marker: 'm1' }).text).toContain('Aneby kommun');
  });

  it('the mail module has every text and its template in all four languages', () => {
    const keys = Object.keys(mailTexts.en).sort();
    for (const language of languages) {
      expect(Object.keys(mailTexts[language]).sort()).toEqual(keys);
      const rendered = renderMail(testMessage, language, { municipality: 'Balsfjord kommune', url: 'https://radhus.example/' });
      expect(rendered.subject).toContain('Balsfjord kommune');
      expect(rendered.html).toContain(`lang="${language}"`);
    }
  });

  it('refuses an address that is not one address, naming the field', () => {
    for (const to of ['kari', 'kari@example.no\r\nBcc: all@example.no', 'a@b.no, c@d.no', '']) {
      let error: unknown;
      try {
        mailJob({ to, template: greeting, language: 'nb', params: { name: 'x', marker: 'y' }, tenantId: null, at: t.clock.now() });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).errors.map((e) => e.field)).toEqual(['to']);
    }
  });
});

describe('sending through SMTP', () => {
  it('a mail.send job is delivered to the SMTP server with auth, both parts and a stable Message-ID', async () => {
    const port = await freePort();
    const server = await smtpServer(port);
    try {
      const ctx = contextWith({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_USER: 'radhus', SMTP_PASSWORD: 'hemmelig', MAIL_FROM: 'Aneby kommun <kommun@aneby.example>' });
      const scheduled = mailJob({ to: 'kari@example.se', template: greeting, language: 'sv', params: { name: 'Kari', marker: 'marker4711' }, tenantId: null, at: t.clock.now() });
      expect(scheduled.type).toBe(MAIL_JOB);
      expect(scheduled.runAt).toEqual(t.clock.now());
      await mailJobHandler.run(asJob(scheduled), ctx);
      expect(server.received).toHaveLength(1);
      const [mail] = server.received;
      expect(mail!.user).toBe('radhus');
      expect(mail!.from).toBe('kommun@aneby.example');
      expect(mail!.to).toEqual(['kari@example.se']);
      expect(mail!.raw).toMatch(/^Subject: .*marker4711/m);
      expect(mail!.raw).toMatch(/^Content-Language: sv/m);
      expect(mail!.raw).toMatch(/^Message-ID: <[0-9a-f-]{36}@aneby\.example>/m);
      expect(mail!.raw).toContain('text/plain');
      expect(mail!.raw).toContain('text/html');
    } finally {
      await server.close();
    }
  });

  it('throws while the SMTP server is down, so the job is retried, and the mail arrives once it is up', async () => {
    const port = await freePort();
    const ctx = contextWith({ SMTP_URL: `smtp://radhus:hemmelig@127.0.0.1:${port}` });
    const job = asJob(mailJob({ to: 'ola@example.no', template: greeting, language: 'nb', params: { name: 'Ola', marker: 'retry0815' }, tenantId: null, at: t.clock.now() }));
    await expect(mailJobHandler.run(job, ctx)).rejects.toThrow(/ECONNREFUSED|connect/);
    const server = await smtpServer(port);
    try {
      await mailJobHandler.run({ ...job, attempts: 1 }, ctx);
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.to).toEqual(['ola@example.no']);
      expect(server.received[0]!.raw).toMatch(/^Subject: .*retry0815/m);
    } finally {
      await server.close();
    }
  });

  it('without an SMTP server configured (and no demo) the job fails with a message saying what to set', async () => {
    const job = asJob(mailJob({ to: 'ola@example.no', template: greeting, language: 'nb', params: { name: 'Ola', marker: 'x' }, tenantId: null, at: t.clock.now() }));
    await expect(mailJobHandler.run(job, contextWith({}))).rejects.toThrow(/SMTP_URL or SMTP_HOST/);
  });

  it('reads the SMTP settings from the environment and refuses contradictory ones', () => {
    expect(loadConfig({ SMTP_HOST: 'mail.kommune.no' }).mail.smtp).toEqual({ host: 'mail.kommune.no', port: 587, secure: false, user: undefined, password: undefined });
    expect(loadConfig({ SMTP_HOST: 'mail.kommune.no', SMTP_SECURE: 'true' }).mail.smtp).toMatchObject({ port: 465, secure: true });
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.kommune.no' }).mail.smtp).toEqual({ url: 'smtps://u:p@mail.kommune.no' });
    expect(loadConfig({ PUBLIC_URL: 'https://radhus.balsfjord.kommune.no' }).mail.from).toBe('Rådhus <noreply@radhus.balsfjord.kommune.no>');
    expect(() => loadConfig({ SMTP_URL: 'smtp://a', SMTP_HOST: 'b' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'http://a' })).toThrow(/smtp:\/\//);
    expect(() => loadConfig({ SMTP_HOST: 'a', SMTP_USER: 'u' })).toThrow(/together/);
    expect(() => loadConfig({ SMTP_PORT: '25' })).toThrow(/need SMTP_HOST/);
    expect(() => loadConfig({ SMTP_HOST: 'a', SMTP_PORT: 'x' })).toThrow(/port/);
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
  });
});

describe('the demo mailbox', () => {
  it('writes mail to DATA_DIR/mailbox (owner only) instead of sending, and shows it at /dev/mailbox', async () => {
    const scheduled = mailJob({ to: 'kari@example.no', template: greeting, language: 'nn', params: { name: 'Kari <Nordmann>', marker: 'demo42' }, tenantId: null, at: t.clock.now() });
    const job = asJob(scheduled);
    await mailJobHandler.run(job, t.ctx);
    await mailJobHandler.run({ ...job, attempts: 1 }, t.ctx); // a retry replaces, never duplicates
    const dir = join(t.config.dataDir, 'mailbox');
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, files[0]!))).mode & 0o777).toBe(0o600);

    const list = await t.app.inject({ method: 'GET', url: '/dev/mailbox', headers: { 'accept-language': 'sv-SE,sv;q=0.9' } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toMatch(/text\/html/);
    expect(list.body).toContain('<html lang="sv">');
    expect(list.body).toContain('Demobrevlåda');
    expect(list.body).toContain('Hei Kari &lt;Nordmann&gt; demo42');
    const id = /href="\/dev\/mailbox\/([^"?]+)/.exec(list.body)![1]!;

    const view = await t.app.inject({ method: 'GET', url: `/dev/mailbox/${id}?lang=nn` });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('<html lang="nn">');
    expect(view.body).toContain('Vi har motteke søknaden din.');
    expect(view.body).toContain('<iframe sandbox');
    expect(view.body).not.toContain('<Nordmann>');

    expect((await t.app.inject({ method: 'GET', url: '/dev/mailbox/00000000-0000-0000-0000-000000000000' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/dev/mailbox/..%2F..%2Fsecret' })).statusCode).toBe(404);
  });

  it('is not there without the demo identity provider', async () => {
    const plain = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
    try {
      expect((await plain.app.inject({ method: 'GET', url: '/dev/mailbox' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
