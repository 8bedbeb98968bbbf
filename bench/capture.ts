// SPDX-License-Identifier: EUPL-1.2
// Captures the exact statements an API call sends (text and parameters), so the bench's floor can
// run the very same SQL directly: no hand-written copy that could drift from the route's query.
import type { CompiledQuery, Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export class StatementCapture implements KyselyPlugin {
  private armed = false;
  private captured: PluginTransformQueryArgs[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.armed) this.captured.push(args);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** Runs `work` and returns the statements it sent that match `keep` (compiled as they were sent). */
  async during(db: Kysely<any>, work: () => Promise<unknown>, keep: (sqlText: string) => boolean): Promise<CompiledQuery[]> {
    this.captured = [];
    this.armed = true;
    try {
      await work();
    } finally {
      this.armed = false;
    }
    return this.captured.map((a) => db.getExecutor().compileQuery(a.node, a.queryId)).filter((q) => keep(q.sql));
  }
}
