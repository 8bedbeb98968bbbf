// SPDX-License-Identifier: EUPL-1.2
// endringslogg.xml: every change to a unit in the extraction, naming the unit by its systemID and
// the Noark 5 element changed (not our column), with the values in the standard's terms.
import type { AppContext } from '../../platform/context.ts';
import { withTenant } from '../../platform/db/transaction.ts';
import { noarkElement, noarkValue } from '../../archive/service.ts';
import type { Tenant } from '../../tenants/service.ts';
import { NS } from './arkivstruktur.ts';
import { XmlWriter } from './xml-writer.ts';
import * as repo from './repository.ts';
import type { Progress } from './progress.ts';

/** tidligereVerdi and nyVerdi are required and may not be empty: an absent value is written so. */
const NO_VALUE = '(ingen verdi)';

export async function writeChangeLog(path: string, o: { ctx: AppContext; tenant: Tenant; actor: string; seriesIds: string[]; batchSize: number; progress: Progress; fonds: repo.FondsRow }): Promise<number> {
  const w = new XmlWriter(path);
  let written = 0;
  try {
    w.start('endringslogg', { xmlns: `${NS}/endringslogg` });
    let after = '0';
    for (;;) {
      const rows = await withTenant(o.ctx.db, { tenantId: o.tenant.id, actor: { kind: 'cli', id: o.actor, name: o.actor } }, (tx) => repo.readChangeBatch(tx, o.seriesIds, after, o.batchSize));
      for (const r of rows) {
        if (!r.unit_system_id || !r.field) continue;
        w.start('endring')
          .required('referanseArkivenhet', r.unit_system_id)
          .required('referanseMetadata', noarkElement(r.entity_type, r.field))
          .required('endretDato', r.changed_at)
          .required('endretAv', r.actor)
          .required('tidligereVerdi', noarkValue(r.entity_type, r.field, r.old_value) || NO_VALUE)
          .required('nyVerdi', noarkValue(r.entity_type, r.field, r.new_value) || NO_VALUE)
          .end();
        written++;
      }
      o.progress.tick(rows.length);
      await w.flush();
      if (rows.length < o.batchSize) break;
      after = rows[rows.length - 1]!.id;
    }
    // The schema wants at least one endring. An archive with no change at all gets the one change
    // every extraction makes: the fonds is described as of now (its status at the extraction).
    if (!written) {
      w.start('endring')
        .required('referanseArkivenhet', o.fonds.system_id)
        .required('referanseMetadata', 'arkivstatus')
        .required('endretDato', o.fonds.created_at)
        .required('endretAv', o.fonds.created_by)
        .required('tidligereVerdi', NO_VALUE)
        .required('nyVerdi', o.fonds.status === 'closed' ? 'Avsluttet' : 'Opprettet')
        .end();
      written = 1;
    }
    w.end();
    await w.close();
    return written;
  } catch (error) {
    w.abort();
    throw error;
  }
}
