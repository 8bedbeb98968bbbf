// SPDX-License-Identifier: EUPL-1.2
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { withTenant } from '../../platform/db/transaction.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { importAccessOrder, orderXmlOfMessage } from '../../access-requests/service.ts';
import { text, type ContextCommand } from '../command.ts';
import { requireTenant } from '../tenant-arg.ts';

export const accessOrderImport: ContextCommand = {
  kind: 'context',
  name: 'access-order import',
  summary: 'Import an access request from eInnsyn: its order.xml, or the whole mail that carried it',
  description: [
    'For the mail-in address: the mail server saves each message to a file and runs this command on it.',
    'Lines are matched to entries by system id, registry number, or case and document number; the lines',
    'that match nothing are listed (and kept with the import), never dropped.',
  ],
  remote: true,
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality the order is for' },
    file: { type: 'string', required: true, value: 'path', description: 'The order.xml, or a mail (RFC 822) with it attached', path: true },
  },
  examples: ['radhus access-order import --tenant balsfjord --file /var/spool/innsyn/message.eml'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const raw = await readFile(resolve(text(values, 'file')), 'utf8');
    try {
      const xml = /^\s*(<\?xml|<(\w+:)?bestilling[\s>])/.test(raw) ? raw : orderXmlOfMessage(raw);
      const report = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, (tx) =>
        importAccessOrder(tx, ctx, { tenant, actor: `cli:${operator}:${operator}`, at: ctx.clock.now() }, xml, /^\s*</.test(raw) ? 'upload' : 'mail'),
      );
      io.out(`Imported order ${report.externalId ?? '(no id)'} (${report.format}) for ${tenant.name}: ${report.matched} line(s) matched, ${report.unmatched} not.`);
      for (const line of report.lines.filter((l) => !l.matched))
        io.out(`  line ${line.index + 1}: ${[line.caseNumber && `saksnr ${line.caseNumber}`, line.numberInCase && `dokumentnr ${line.numberInCase}`, line.registryNumber && `journalnr ${line.registryNumber}`].filter(Boolean).join(', ') || 'no numbers'} — ${line.reason}`);
      return report.unmatched ? 3 : 0;
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      io.err(`Not imported: ${error.errors.map((e) => e.message).join('; ') || error.detail}`);
      return 1;
    }
  },
};
