// SPDX-License-Identifier: EUPL-1.2
// What `export noark5` and `export fgs` share: their options, and turning them into the export's
// input (municipality, series, folder, progress and warnings on stderr).
import { resolve } from 'node:path';
import { progress, type Progress } from '../../deposit/service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tenant } from '../../tenants/tenant.ts';
import { processOutput, type Output } from '../io.ts';
import { requireTenant } from '../tenant-arg.ts';
import { text, type Values } from '../command.ts';

export const depositExportOptions = (example: string) =>
  ({
    tenant: { type: 'string', required: true, value: 'slug', description: `The municipality, e.g. ${example}` },
    series: { type: 'string', required: true, value: 'id|all', description: 'The series (arkivdel) by id or systemID, or all' },
    out: { type: 'string', required: true, value: 'dir', description: 'The folder to write the package to (made if missing)', path: true },
  }) as const;

export interface DepositExportInput {
  tenant: Tenant;
  series: string;
  out: string;
  actor: string;
  progress: Progress;
  warn: (line: string) => void;
}

export async function depositExportInput(ctx: AppContext, values: Values, io: Output, operator: string): Promise<DepositExportInput> {
  const tenant = await requireTenant(ctx, text(values, 'tenant'));
  // A bar on a terminal we own; plain lines when piped, logged or run through the server's socket.
  const tty = io === processOutput && process.stderr.isTTY ? process.stderr : null;
  return {
    tenant,
    series: text(values, 'series'),
    out: resolve(text(values, 'out')),
    actor: operator,
    progress: progress((line) => io.err(`  ${line}`), { tty }),
    warn: (line) => io.err(`warning: ${line}`),
  };
}
