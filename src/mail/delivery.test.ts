// SPDX-License-Identifier: EUPL-1.2
// Mail as a module sends it: sendMail in the deciding transaction, the job runner delivering it to a
// real SMTP server — also when that server is down at first — and `radhus mail test` for operators.
import { afterEach, describe, expect, it } from 'vitest';
import { withTenant } from '../platform/db/transaction.ts';
import { sendMail } from '../platform/mail/send.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { freePort, smtpServer } from '../test-support/smtp.ts';
import { testMessage } from './service.ts';
import { mailTest } from '../cli/commands/mail-test.ts';
import { execute } from '../cli/execute.ts';
import { captureOutput } from '../cli/io.ts';

let t: TestRadhus | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function queue(radhus: TestRadhus, tenantId: string, to: string, key?: string): Promise<void> {
  await withTenant(radhus.ctx.db, { tenantId, actor: { kind: 'cli', id: 'test', name: 'test' } }, (tx) =>
    sendMail(tx, { to, template: testMessage, language: 'nn', params: { municipality: 'Testkommune', url: 'https://radhus.example/t' }, tenantId, at: radhus.clock.now(), ...(key ? { key } : {}) }),
  );
}

const jobsOf = async (radhus: TestRadhus) =>
  (await radhus.ctx.db.kysely.selectFrom('jobs').select(['type', 'status', 'attempts']).where('type', '=', 'mail.send').execute()) as { type: string; status: string; attempts: number }[];

describe('mail through the job store', { timeout: 120_000 }, () => {
  it('is delivered once the SMTP server answers, and a key sends it only once', async () => {
    const port = await freePort();
    t = await createTestRadhus({ RADHUS_DEMO_IDP: 'false', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_USER: 'radhus', SMTP_PASSWORD: 'hemmelig', MAIL_FROM: 'Rådhus <postmottak@test.kommune.no>' });
    const tenant = await t.tenant();
    await queue(t, tenant.id, 'kari@example.no', 'welcome-kari');
    await queue(t, tenant.id, 'kari@example.no', 'welcome-kari');

    // Nobody listens yet: the attempt fails, the job waits for its retry, nothing is lost.
    await t.settle({ allowFailures: true });
    expect(await jobsOf(t)).toEqual([{ type: 'mail.send', status: 'pending', attempts: 1 }]);

    const server = await smtpServer(port);
    try {
      t.clock.advance(60 * 60 * 1000);
      await t.settle();
      expect(server.received).toHaveLength(1);
      expect(server.received[0]).toMatchObject({ to: ['kari@example.no'], user: 'radhus' });
      expect(server.received[0]!.raw).toMatch(/^Subject: .*Testmelding/m);
      expect(server.received[0]!.raw).toContain('Testkommune');
      expect(server.received[0]!.raw).toMatch(/^Content-Language: nn/m);
      expect(await jobsOf(t)).toEqual([{ type: 'mail.send', status: 'done', attempts: 2 }]);
      await t.settle();
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('`radhus mail test` queues a message in the municipality\'s language that the runner delivers, and refuses a bad address', async () => {
    const port = await freePort();
    const server = await smtpServer(port);
    try {
      t = await createTestRadhus({ RADHUS_DEMO_IDP: 'false', SMTP_URL: `smtp://radhus:hemmelig@127.0.0.1:${port}` });
      const tenant = await t.tenant({ country: 'SE' });
      const run = async (to: string) => {
        const io = captureOutput();
        const code = await execute(mailTest, { ctx: t!.ctx, values: { tenant: tenant.slug, to }, io, operator: 'cli:test', migrated: [] });
        return { code, io };
      };
      const bad = await run('inte en adress');
      expect(bad.code).toBe(1);
      expect(bad.io.stderr.join('\n')).toContain('--to: must be one e-mail address');
      expect(await jobsOf(t)).toEqual([]);

      const ok = await run('it@aneby.se');
      expect(ok.code).toBe(0);
      expect(ok.io.stdout.join('\n')).toContain(`Queued a test message to it@aneby.se in sv for ${tenant.name}`);
      await t.settle();
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.raw).toMatch(/^Content-Language: sv/m);
    } finally {
      await server.close();
    }
  });
});
