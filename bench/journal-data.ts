// SPDX-License-Identifier: EUPL-1.2
// Bulk data for the public-journal bench: realistic registry entries (Norwegian and Swedish titles,
// people, organisations, units, entry types, journal dates over six years, some screening) written
// straight into the archive tables (case_files, registry_entries, correspondents) and the public
// projection (public_case_files, public_registry_entries) with set-based SQL (generate_series), not
// through the API: a million entries through the API would take hours, and the bench measures
// reading them. The projection rows are built from the archive rows in SQL the way the
// journal-projection consumer builds them (screened title words and parties as *****, search
// vectors in the municipality's language, names searchable for 12 months after publication).
// Triggers are switched off for the load (session_replication_role = replica: the freeze and staff
// search triggers and foreign-key checks), so the archive's staff search vector stays empty for
// generated rows; the GIN indexes of the projection are dropped and built again after the load.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export interface GeneratedTenant {
  id: string;
  slug: string;
  language: 'nb' | 'sv';
}

const NO_SUBJECTS = ['Søknad om byggetillatelse', 'Søknad om dispensasjon fra reguleringsplan', 'Klage på vedtak om eiendomsskatt', 'Søknad om skjenkebevilling',
  'Melding om vedtak - startlån', 'Høring - kommuneplanens arealdel', 'Søknad om ferie', 'Tilsynsrapport barnehage', 'Referat fra møte i formannskapet',
  'Søknad om tilskudd til lag og foreninger', 'Oppmålingsforretning', 'Søknad om utslippstillatelse', 'Innsynskrav', 'Tilbud på brøyting av kommunale veier',
  'Avtale om kjøp av konsulenttjenester', 'Søknad om permisjon', 'Ferdigattest', 'Rammetillatelse tilbygg', 'Klage på parkeringsgebyr', 'Søknad om deling av eiendom'];
const SE_SUBJECTS = ['Ansökan om bygglov', 'Ansökan om strandskyddsdispens', 'Överklagande av beslut om bygglov', 'Ansökan om serveringstillstånd',
  'Beslut om bostadsanpassningsbidrag', 'Remiss - översiktsplan', 'Ansökan om semester', 'Tillsynsrapport förskola', 'Protokoll från kommunstyrelsen',
  'Ansökan om föreningsbidrag', 'Lantmäteriförrättning', 'Anmälan om avlopp', 'Begäran om allmän handling', 'Anbud på snöröjning av kommunala vägar',
  'Avtal om konsulttjänster', 'Ansökan om tjänstledighet', 'Slutbesked', 'Bygglov tillbyggnad', 'Överklagande av parkeringsanmärkning', 'Ansökan om avstyckning'];
const NO_PLACES = ['Storgata', 'Kirkeveien', 'Fjordvegen', 'Skoleveien', 'Industriveien', 'Sjøgata', 'Bakkehaugen', 'Elvebakken', 'Solbergveien', 'Nordre gate'];
const SE_PLACES = ['Storgatan', 'Kyrkvägen', 'Sjövägen', 'Skolgatan', 'Industrivägen', 'Hamngatan', 'Backavägen', 'Älvgatan', 'Solbergsvägen', 'Norra gatan'];
const NO_FIRST = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Sigrid', 'Per', 'Astrid', 'Knut', 'Marit', 'Jon', 'Solveig', 'Erik', 'Nora', 'Håkon', 'Ragnhild'];
const NO_LAST = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Berg', 'Haugen', 'Dahl', 'Lie', 'Bakken'];
const SE_FIRST = ['Anna', 'Lars', 'Karin', 'Anders', 'Eva', 'Johan', 'Maria', 'Per', 'Kerstin', 'Erik', 'Ingrid', 'Mikael', 'Elin', 'Gustav', 'Sofia'];
const SE_LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Lindberg', 'Berg', 'Holm', 'Ek', 'Lund'];
const NO_ORGS = ['Statens vegvesen', 'Statsforvalteren i Vestland', 'Mattilsynet', 'NAV', 'Entreprenør Hansen AS', 'Fjord Bygg AS', 'Norconsult AS', 'Direktoratet for byggkvalitet', 'Husbanken', 'Fylkeskommunen'];
const SE_ORGS = ['Trafikverket', 'Länsstyrelsen i Skåne', 'Livsmedelsverket', 'Försäkringskassan', 'Bygg AB Svensson', 'Skanska Sverige AB', 'WSP Sverige AB', 'Boverket', 'Lantmäteriet', 'Region Skåne'];
const NO_UNITS = ['Plan og bygg', 'Oppvekst', 'Helse og omsorg', 'Teknisk drift', 'Økonomi', 'Personal', 'Kultur', 'Rådmannens stab'];
const SE_UNITS = ['Samhällsbyggnad', 'Barn och utbildning', 'Vård och omsorg', 'Teknisk förvaltning', 'Ekonomi', 'HR', 'Kultur och fritid', 'Kommunledningskontoret'];

/** A SQL array literal of text. */
const arr = (values: readonly string[]) => sql`${sql.val(values)}::text[]`;
/** A deterministic pick from an array by a hash of (seed, n): 1-based for SQL arrays. */
const pick = (values: readonly string[], seed: string, n: RawSql) => sql`(${arr(values)})[1 + abs(hashtext(${seed} || ${n}::text)) % ${values.length}]`;
type RawSql = ReturnType<typeof sql.raw>;

/** Journal dates run over the six years before today, in order of the registry sequence. */
const SPAN_DAYS = 6 * 365;
/** Entries per case file. */
const PER_CASE = 4;

/** Drops the projection's GIN indexes before a bulk load; returns their definitions for `finishLoad`. */
export async function startLoad(db: Kysely<any>): Promise<string[]> {
  const gin = (await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes
    where tablename = 'public_registry_entries' and indexdef like '%USING gin%'`.execute(db)).rows;
  for (const i of gin) await sql`drop index ${sql.id(i.indexname)}`.execute(db);
  return gin.map((i) => i.indexdef);
}

/** The GIN indexes as the migrations define them (read back by `startLoad`), then fresh statistics. */
export async function finishLoad(db: Kysely<any>, indexes: readonly string[]): Promise<void> {
  await db.connection().execute(async (c) => {
    await sql`set maintenance_work_mem = '256MB'`.execute(c);
    for (const definition of indexes) await sql.raw(definition).execute(c);
  });
  for (const t of ['case_files', 'registry_entries', 'correspondents', 'public_case_files', 'public_registry_entries']) await sql`analyze ${sql.table(t)}`.execute(db);
}

/**
 * `count` entries for one municipality (into an empty tenant), in `PER_CASE` entries per case file.
 * One statement per table, in one connection with triggers off.
 */
export async function generateTenant(db: Kysely<any>, t: GeneratedTenant, count: number, now: Date): Promise<void> {
  const sv = t.language === 'sv';
  const subjects = sv ? SE_SUBJECTS : NO_SUBJECTS;
  const places = sv ? SE_PLACES : NO_PLACES;
  const first = sv ? SE_FIRST : NO_FIRST;
  const last = sv ? SE_LAST : NO_LAST;
  const orgs = sv ? SE_ORGS : NO_ORGS;
  const units = sv ? SE_UNITS : NO_UNITS;
  const cases = Math.ceil(count / PER_CASE);
  const FIRST_DAY = new Date(now.getTime() - (SPAN_DAYS + 2) * 86_400_000).toISOString().slice(0, 10);
  const i = sql.raw('i');
  const j = sql.raw('j');
  // The day of entry j (1-based), and so of case i (its first entry).
  const dayOf = (n: RawSql | ReturnType<typeof sql>) => sql`(${FIRST_DAY}::date + ((${n} - 1)::bigint * ${SPAN_DAYS} / ${count})::int)`;
  const caseId = (n: RawSql | ReturnType<typeof sql>) => sql`md5(${t.id} || ':c:' || ${n}::text)::uuid`;
  const entryId = (n: RawSql | ReturnType<typeof sql>) => sql`md5(${t.id} || ':e:' || ${n}::text)::uuid`;
  const caseOf = sql`((j - 1) / ${PER_CASE} + 1)`;
  await db.connection().execute(async (c) => {
    await sql`set session_replication_role = replica`.execute(c);
    const series = (await sql<{ id: string }>`select id from series where tenant_id = ${t.id}::uuid limit 1`.execute(c)).rows[0]!.id;
    // Case files: subject + place; 3 % screened (the public title hides the address).
    await sql`insert into case_files (id, tenant_id, series_id, case_year, case_sequence, title, public_title, status, case_date, responsible_unit,
        screening, created_at, created_by, updated_at)
      select ${caseId(i)}, ${t.id}::uuid, ${series}::uuid, extract(year from d)::int, i,
        s || ' - ' || p || ' ' || (i % 120 + 1) || ', gnr ' || (i % 90 + 1) || ' bnr ' || (i % 400 + 1),
        case when i % 33 = 0 then s || ' - *****' else s || ' - ' || p || ' ' || (i % 120 + 1) || ', gnr ' || (i % 90 + 1) || ' bnr ' || (i % 400 + 1) end,
        'in-progress', d, u,
        case when i % 33 = 0 then jsonb_build_object('accessCode', '13', 'legalBasis', 'Offl. § 13, jf. fvl. § 13', 'fields', jsonb_build_array('title'),
          'titleWords', jsonb_build_array(p || ' ' || (i % 120 + 1) || ', gnr ' || (i % 90 + 1) || ' bnr ' || (i % 400 + 1))) end,
        d::timestamptz, 'system:bench', d::timestamptz
      from (select i, ${dayOf(sql`((i - 1) * ${PER_CASE} + 1)`)} as d, ${pick(subjects, 's', i)} as s, ${pick(places, 'p', i)} as p, ${pick(units, 'u', i)} as u
            from generate_series(1, ${cases}) i) g`.execute(c);
    // Registry entries: the case's subject with a step; 5 % screened in the title.
    await sql`insert into registry_entries (id, tenant_id, case_file_id, entry_year, entry_sequence, number_in_case, type, status, title, public_title,
        document_date, journal_date, published_at, responsible_unit, screening, created_at, created_by, updated_at, assessed_at)
      select ${entryId(j)}, ${t.id}::uuid, ${caseId(caseOf)}, extract(year from d)::int, j, (j - 1) % ${PER_CASE} + 1,
        (array['incoming','outgoing','internal-with-followup','internal-without-followup','case-memo'])[1 + j % 5],
        'archived', cf.title || ' - ' || st, case when j % 20 = 0 then split_part(cf.public_title, ' - ', 1) || ' - ***** - *****' else cf.public_title || ' - ' || st end,
        d - 2, d, d::timestamptz + interval '9 hours', cf.responsible_unit,
        case when j % 20 = 0 then jsonb_build_object('accessCode', '13', 'legalBasis', 'Offl. § 13', 'fields', jsonb_build_array('title'),
          'titleWords', jsonb_build_array(split_part(cf.title, ' - ', 2), st)) end,
        d::timestamptz, 'system:bench', d::timestamptz, d::timestamptz
      from (select j, ${dayOf(j)} as d, (${arr(sv ? ['ansökan', 'kompletterande handlingar', 'beslut', 'yttrande', 'delgivning'] : ['søknad', 'tilleggsopplysninger', 'vedtak', 'uttalelse', 'melding om vedtak'])})[1 + (j - 1) % 5] as st
            from generate_series(1, ${count}) j) g
      join case_files cf on cf.id = ${caseId(caseOf)}`.execute(c);
    // One party per entry: persons on odd entries (10 % of them screened), organisations on even.
    await sql`insert into correspondents (id, tenant_id, registry_entry_id, kind, role, name, screening, position)
      select md5(${t.id} || ':p:' || j)::uuid, ${t.id}::uuid, ${entryId(j)}, case when j % 2 = 1 then 'person' else 'organisation' end,
        case when j % 5 = 1 then 'recipient' else 'sender' end,
        case when j % 2 = 1 then ${pick(first, 'f', j)} || ' ' || ${pick(last, 'l', j)} else ${pick(orgs, 'o', j)} end,
        case when j % 20 = 1 then '{"accessCode":"13","legalBasis":"Offl. § 13","fields":[],"titleWords":[]}'::jsonb end, 0
      from generate_series(1, ${count}) j`.execute(c);
    await sql`insert into public_case_files (id, tenant_id, case_number, case_year, case_sequence, public_title, status, case_date, responsible_unit, updated_at)
      select id, tenant_id, case_year || '/' || case_sequence, case_year, case_sequence, public_title, status, case_date, responsible_unit, updated_at
      from case_files where tenant_id = ${t.id}::uuid`.execute(c);
    // The projection as the consumer writes it: party names only when unscreened, persons apart.
    await sql`with cfg as (select radhus_search_config(${t.id}::uuid) as c)
      insert into public_registry_entries (id, tenant_id, case_file_id, registry_number, entry_year, entry_sequence, document_number, entry_type,
        case_number, case_public_title, public_title, document_date, journal_date, responsible_unit, correspondents, published_at, updated_at,
        gnr, bnr, visible_from, names_searchable_until, search_language, search_public, search_names, org_names, person_names)
      select e.id, e.tenant_id, e.case_file_id, e.entry_year || '/' || e.entry_sequence, e.entry_year, e.entry_sequence,
        cf.case_year || '/' || cf.case_sequence || '-' || e.number_in_case, e.type, cf.case_year || '/' || cf.case_sequence, cf.public_title, e.public_title,
        e.document_date, e.journal_date, e.responsible_unit,
        jsonb_build_array(jsonb_build_object('name', case when p.screening is null then p.name else '*****' end, 'role', p.role)),
        e.published_at, e.updated_at, null, null, e.published_at, e.published_at + interval '12 months', cfg.c::text,
        to_tsvector(cfg.c, cf.public_title || ' ' || e.public_title || ' ' || cf.case_year || '/' || cf.case_sequence || ' ' || e.entry_year || '/' || e.entry_sequence
          || case when p.kind = 'organisation' and p.screening is null then ' ' || p.name else '' end),
        to_tsvector(cfg.c, cf.public_title || ' ' || e.public_title || ' ' || cf.case_year || '/' || cf.case_sequence || ' ' || e.entry_year || '/' || e.entry_sequence
          || case when p.screening is null then ' ' || p.name else '' end),
        to_tsvector(cfg.c, case when p.kind = 'organisation' and p.screening is null then p.name else '' end),
        to_tsvector(cfg.c, case when p.kind = 'person' and p.screening is null then p.name else '' end)
      from registry_entries e join case_files cf on cf.id = e.case_file_id join correspondents p on p.registry_entry_id = e.id, cfg
      where e.tenant_id = ${t.id}::uuid`.execute(c);
    // The number series continue after the generated numbers, so entries registered later fit.
    await sql`insert into number_series (tenant_id, kind, year, last_value)
      select ${t.id}::uuid, 'registry-entry', entry_year, max(entry_sequence) from registry_entries where tenant_id = ${t.id}::uuid group by entry_year
      union all select ${t.id}::uuid, 'case-file', case_year, max(case_sequence) from case_files where tenant_id = ${t.id}::uuid group by case_year
      on conflict (tenant_id, kind, year) do update set last_value = greatest(number_series.last_value, excluded.last_value)`.execute(c);
    await sql`set session_replication_role = origin`.execute(c);
  });
}
