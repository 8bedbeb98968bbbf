// SPDX-License-Identifier: EUPL-1.2
// `node bin/run-ts.js bench/journal-queries.ts [national]`: what each of the journal bench's searches
// costs in the database, one statement at a time, without HTTP: the page of 21 (`searchEntries`) and
// the bounded count (`countEntries`) as `radhus_public`, the fastest of three runs (a warm cache), for
// the bench's eight queries × three filters (none, `fromDate` 400 days back, `entryType=incoming`) in
// the first two municipalities, or nationally with `national`. On a database the journal bench has
// filled (DATABASE_URL, e.g. `BENCH_JOURNAL_ENTRIES=1000000 npm run bench:journal` on an empty one).
// It shows which search a change helps and which it hurts before the whole bench is run again;
// BENCHMARKS.md ("The count's date range") has its figures. Knob: BENCH_COUNT_LIMIT (10000).
import { sql } from 'kysely';
import { loadavg } from 'node:os';
import { openDatabase } from '../src/platform/db/database.ts';
import { withPublic } from '../src/platform/db/transaction.ts';
import { countEntries, searchEntries, type SearchFilters } from '../src/journal/search-repository.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a database filled by the journal bench');
const national = process.argv[2] === 'national';
const cap = Number(process.env.BENCH_COUNT_LIMIT ?? 10_000);
const db = await openDatabase({ databaseUrl: url });
// The same queries as bench/public-journal.ts.
const queries: Record<string, string[]> = {
  norwegian: ['byggetillatelse', 'dispensasjon', '"søknad om skjenkebevilling"', 'Hansen', 'Statens vegvesen', 'ferdigattest storgata', 'klage eiendomsskatt', 'brøyting'],
  swedish: ['bygglov', 'strandskyddsdispens', '"ansökan om serveringstillstånd"', 'Andersson', 'Trafikverket', 'slutbesked storgatan', 'överklagande parkeringsanmärkning', 'snöröjning'],
};
const tenants = (
  await sql<{ id: string; slug: string; language: string }>`select t.id, t.slug,
      (select search_language from public_registry_entries e where e.tenant_id = t.id limit 1) as language
    from public_tenants t order by t.slug`.execute(db.kysely)
).rows.filter((t) => t.language in queries);
const now = new Date();
const dayBack = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
const filters: Partial<SearchFilters>[] = [{}, { fromDate: dayBack(400) }, { entryType: 'incoming' }];
const fastest = (times: number[]) => Math.min(...times).toFixed(1);

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; count limit ${cap}\n`);
console.log(`| ${national ? 'national' : 'municipality'} | query | filter | matches | page ms | count ms |\n|---|---|---|---:|---:|---:|`);
for (const tenant of tenants.slice(0, national ? 1 : 2)) {
  for (const q of queries[tenant.language]!) {
    for (const filter of filters) {
      const f: SearchFilters = { tenantId: national ? undefined : tenant.id, q, ...filter };
      const page: number[] = [];
      const count: number[] = [];
      let matches = 0;
      for (let run = 0; run < 3; run++) {
        await withPublic(db, async (tx) => {
          const t0 = performance.now();
          await searchEntries(tx, f, now, { limit: 21 });
          const t1 = performance.now();
          matches = await countEntries(tx, f, now, cap);
          page.push(t1 - t0);
          count.push(performance.now() - t1);
        });
      }
      const shown = matches > cap ? `> ${cap}` : String(matches);
      console.log(`| ${national ? 'all' : tenant.slug} | ${q} | ${JSON.stringify(filter).replace(/[{}"]/g, '') || '—'} | ${shown} | ${fastest(page)} | ${fastest(count)} |`);
    }
  }
}
console.log(`\nload average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
await db.close();
