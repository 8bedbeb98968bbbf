// SPDX-License-Identifier: EUPL-1.2
// The demo mailbox and the mail itself are accessible: the live /dev/mailbox page of the demo
// server, and the pages and HTML parts as rendered for a message (set into the browser directly,
// as the server's mailbox folder is its own).
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { mailboxListPage, mailboxMessagePage } from '../src/mail/mailbox-pages.ts';
import { renderMail } from '../src/platform/mail/template.ts';
import { testMessage } from '../src/mail/templates.ts';
import type { StoredMail } from '../src/platform/mail/transport.ts';
import type { Language } from '../src/common/languages.ts';

const stored = (language: Language): StoredMail => ({
  id: '019a0000-0000-7000-8000-000000000001',
  from: 'Rådhus <noreply@radhus.example>',
  to: 'kari@example.no',
  language,
  template: testMessage.name,
  sentAt: '2026-03-02T10:00:00.000Z',
  ...renderMail(testMessage, language, { municipality: 'Balsfjord kommune', url: 'https://radhus.example/balsfjord' }),
});

test('the demo server shows its mailbox, in the browser language', async ({ page }) => {
  await page.goto('/dev/mailbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Demopostkasse' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expectAccessible(page, 'the empty demo mailbox');
});

for (const language of ['nb', 'sv'] as const) {
  test(`a mail in ${language}: the mailbox list, the message page and the mail's HTML part`, async ({ page }) => {
    const mail = stored(language);
    await page.setContent(mailboxListPage(language, [mail]));
    await expect(page.getByRole('link', { name: mail.subject })).toBeVisible();
    await expectAccessible(page, `mailbox list (${language})`);
    await page.setContent(mailboxMessagePage(language, mail));
    await expect(page.getByRole('heading', { level: 1, name: mail.subject })).toBeVisible();
    // axe cannot enter a sandboxed frame (no scripts there); its content is checked on its own below.
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('iframe').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`), `axe violations on mailbox message (${language})`).toEqual([]);
    await expect(page.locator('iframe')).toHaveAttribute('title', /.+/);
    await page.setContent(mail.html);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expectAccessible(page, `the mail's HTML part (${language})`);
  });
}
