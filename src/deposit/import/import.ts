// SPDX-License-Identifier: EUPL-1.2
// `radhus import noark5 <dir> --tenant <slug>`, the checks before anything is written (load.ts
// writes): a package is refused unless the verifier passes it (checksums first, every file listed
// and no other, each XML file against the XSDs the package ships with, references, syntax,
// namespace), it declares a Noark 5 version we take, and the mapping pass (plan.ts) finds nothing it
// must refuse. Refusing happens before any write, so a refused package leaves the database, the
// files and the outbox as they were.
import type { AppContext } from '../../platform/context.ts';
import { withTenant } from '../../platform/db/transaction.ts';
import type { Tenant } from '../../tenants/service.ts';
import { verifyNoark5, type VerifyOptions } from '../verify/verify.ts';
import type { VerifyReport } from '../verify/report.ts';
import { planImport, type ImportPlan } from './plan.ts';
import { seriesWithSystemIds } from './repository.ts';

export type ImportCheck =
  /** the verifier failed the package (or could not run a check): its report says where */
  | { status: 'refused'; report: VerifyReport; plan?: undefined }
  /** the verifier passed it, the mapping pass refused it: plan.errors say where */
  | { status: 'refused'; report: VerifyReport; plan: ImportPlan }
  | { status: 'accepted'; report: VerifyReport; plan: ImportPlan };

export interface ImportTarget {
  ctx: AppContext;
  tenant: Tenant;
}

export async function checkImport(dir: string, target: ImportTarget, options: VerifyOptions = {}): Promise<ImportCheck> {
  const report = await verifyNoark5(dir, options);
  // exitCode 2 (a check could not run, e.g. no xmllint) refuses too: unvalidated input is not loaded.
  if (report.exitCode !== 0) return { status: 'refused', report };
  const plan = await planImport(report.dir, report.version);
  // System ids are unique per municipality: the same package loads into two municipalities, but into
  // one only once.
  const loaded = await withTenant(target.ctx.db, { tenantId: target.tenant.id, actor: { kind: 'cli', id: 'import', name: 'import' } }, (tx) =>
    seriesWithSystemIds(tx, plan.seriesSystemIds),
  );
  for (const s of loaded)
    plan.errors.push({ message: 'alreadyLoaded', file: 'arkivstruktur.xml', element: 'arkivdel', systemId: s.system_id, detail: `"${s.title}" in ${target.tenant.slug}` });
  return { status: plan.errors.length ? 'refused' : 'accepted', report, plan };
}
