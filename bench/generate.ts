/**
 * Synthetic wellbeing county for the benchmark: the seeded demo world (organisations, units,
 * municipalities, catalogue) plus bulk clients, workers, path events, services, referrals,
 * tasks, meetings, plans, assessments and feedback in realistic proportions.
 *
 * Everything is generated inside PostgreSQL (INSERT … SELECT FROM generate_series) as the
 * database owner, one transaction per table, so 1M path events take seconds rather than the
 * minutes row-by-row inserts would. The generator is tolerant: a table that does not exist
 * (a module not landed yet) or a step that fails is reported and skipped, never fatal.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';

export interface GenerateOptions {
  clients: number;
  pathEvents: number;
  services: number;
  workers: number;
  countyCode: string;
  passwordHash: string;
  log: (line: string) => void;
}

export interface StepResult {
  table: string;
  rows: number;
  ms: number;
  status: 'ok' | 'skipped' | 'failed';
  note?: string;
}

export const BENCH_PASSWORD = 'bench-salasana-2025';
export const BENCH_MANAGER = 'bench-manager';
export const workerName = (i: number) => `bench-w${i}`;

// Realistic Finnish names and service vocabulary, as SQL array literals.
const FIRST = ['Aino', 'Eino', 'Helmi', 'Väinö', 'Sofia', 'Onni', 'Aada', 'Leo', 'Olivia', 'Elias', 'Venla', 'Oliver', 'Emma', 'Lauri', 'Ella', 'Juho', 'Iida', 'Matti', 'Kaarina', 'Pekka', 'Liisa', 'Ahmed', 'Fatima', 'Olga', 'Sami', 'Noora', 'Tuomas', 'Saara', 'Mikael', 'Anneli'];
const LAST = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen', 'Salo', 'Laitinen', 'Tuominen', 'Rantanen', 'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen', 'Ahonen'];
const TOPICS = ['mielenterveys', 'päihteet', 'työllisyys', 'asuminen', 'velkaneuvonta', 'perhe', 'nuoret', 'ikäihmiset', 'vammaisuus', 'kotoutuminen', 'toimeentulo', 'opiskelu', 'liikunta', 'yksinäisyys', 'lähisuhdeväkivalta', 'kuntoutus', 'harrastukset', 'vertaistuki', 'omaishoito', 'talous', 'uni', 'jaksaminen', 'vanhemmuus', 'koulunkäynti', 'muisti'];
const KINDS = ['neuvonta', 'ohjaus', 'vertaistukiryhmä', 'palvelu', 'valmennus', 'kerho', 'kuntoutus', 'tuki', 'chat', 'vastaanotto', 'kurssi', 'olohuone'];
const PLACES = ['Hyvinkää', 'Järvenpää', 'Tuusula', 'Kerava', 'Mäntsälä', 'Nurmijärvi', 'Pornainen'];
const SEGMENTS = ['omatoimi', 'yhteiso', 'yhteistyo', 'verkosto'];
const GROUPS = ['children-youth-families', 'working-age', 'older-people'];
const SECTORS = ['wellbeing-county', 'municipality', 'ngo', 'kela', 'school', 'employment'];
const arrayLiteral = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;
/** One element of a constant list, chosen by an integer SQL expression (deterministic, so runs are comparable). */
const pick = (xs: string[], expr: string) => sql.raw(`(${arrayLiteral(xs)})[1 + ((${expr}) % ${xs.length})]`);
// Only the generated rows: the demo world's own clients and plans stay as seeded.
const BENCH_WORKERS = sql.raw(`(SELECT id FROM users WHERE username LIKE 'bench-w%')`);
const BENCH_CLIENTS = sql.raw(`(SELECT *, hashtext(id::text) & 2147483647 AS h FROM clients
  WHERE created_by IN (SELECT id FROM users WHERE username LIKE 'bench-w%'))`);

/** Table names that exist in the public schema. */
async function existingTables(db: Kysely<DB>): Promise<Set<string>> {
  const r = await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'`.execute(db);
  return new Set(r.rows.map((x) => x.t));
}

async function count(db: Kysely<DB>, table: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
  return r.rows[0]!.n;
}

/**
 * Runs one generation step in its own transaction. Missing tables skip it, errors fail only it
 * (the transaction rolls back, so a failed step leaves nothing half-written).
 */
async function step(db: Kysely<DB>, tables: Set<string>, o: GenerateOptions, results: StepResult[], table: string,
  needs: string[], build: () => ReturnType<typeof sql>): Promise<void> {
  const missing = [table, ...needs].filter((t) => !tables.has(t));
  if (missing.length > 0) {
    results.push({ table, rows: 0, ms: 0, status: 'skipped', note: `missing table ${missing.join(', ')}` });
    o.log(`  ${table}: skipped (missing ${missing.join(', ')})`);
    return;
  }
  const t0 = performance.now();
  const before = await count(db, table);
  try {
    await db.transaction().execute(async (tx) => { await build().execute(tx); });
    // Fresh statistics for the next steps' plans (without them a join of 50k clients with the
    // services was planned as a nested loop over estimated 174 × 45 rows and ran for minutes).
    await sql`ANALYZE ${sql.table(table)}`.execute(db);
    const rows = (await count(db, table)) - before;
    const ms = Math.round(performance.now() - t0);
    results.push({ table, rows, ms, status: 'ok' });
    o.log(`  ${table}: ${rows.toLocaleString('fi-FI')} rows in ${(ms / 1000).toFixed(1)} s`);
  } catch (e) {
    const note = e instanceof Error ? e.message.split('\n')[0] : String(e);
    results.push({ table, rows: 0, ms: Math.round(performance.now() - t0), status: 'failed', note });
    o.log(`  ${table}: FAILED (${note})`);
  }
}

/** Fills the database with the synthetic county. Call with the owner connection after migrations and the demo seed. */
export async function generateCounty(db: Kysely<DB>, o: GenerateOptions): Promise<StepResult[]> {
  const tables = await existingTables(db);
  const results: StepResult[] = [];
  const c = o.countyCode;
  const s = (table: string, needs: string[], build: () => ReturnType<typeof sql>) => step(db, tables, o, results, table, needs, build);
  const perClient = (n: number) => Math.max(1, Math.round(n));
  o.log(`Generating ${o.clients.toLocaleString('fi-FI')} clients, ${o.pathEvents.toLocaleString('fi-FI')} path events, ${o.services.toLocaleString('fi-FI')} services, ${o.workers} workers …`);

  // Workers: organisations that do client work, cyclically; role follows the sector.
  await s('users', ['organizations'], () => sql`
    WITH orgs AS (SELECT id, sector, row_number() OVER (ORDER BY sector, key) - 1 AS rn, count(*) OVER () AS n
                  FROM organizations WHERE county_code = ${c} AND sector IN ('wellbeing-county','municipality','ngo'))
    INSERT INTO users (username, password_hash, display_name, title, role, organization_id, unit_id, county_code)
    SELECT ${sql.lit('bench-w')} || g, ${o.passwordHash},
           ${pick(FIRST, 'g * 7')} || ' ' || ${pick(LAST, 'g * 13')}, 'Ohjaaja',
           CASE orgs.sector WHEN 'ngo' THEN 'ngo-worker' WHEN 'municipality' THEN (ARRAY['teacher','student-welfare','employment-coach'])[1 + g % 3]
                ELSE (ARRAY['client-counsellor','social-instructor','social-worker','case-manager'])[1 + g % 4] END,
           orgs.id, (SELECT u.id FROM units u WHERE u.organization_id = orgs.id ORDER BY u.key LIMIT 1), ${c}
    FROM generate_series(1, ${o.workers}) g JOIN orgs ON orgs.rn = g % orgs.n
    UNION ALL
    SELECT ${BENCH_MANAGER}, ${o.passwordHash}, 'Raportti Esihenkilö', 'Palvelupäällikkö', 'manager', o.id, NULL, ${c}
    FROM (SELECT id FROM organizations WHERE county_code = ${c} AND sector = 'wellbeing-county' ORDER BY key LIMIT 1) o`);

  // Clients: each belongs to the organisation of the worker responsible for them (client g → worker g % W).
  await s('clients', ['users', 'municipalities'], () => sql`
    WITH m AS (SELECT array_agg(code ORDER BY code) AS codes FROM municipalities WHERE county_code = ${c})
    INSERT INTO clients (county_code, organization_id, first_name, last_name, birth_date, municipality_code, language,
                         interpreter_needed, preferred_channel, phone, created_by, created_at)
    SELECT ${c}, u.organization_id, ${pick(FIRST, 'g * 31 + g / 7')}, ${pick(LAST, 'g * 17 + g / 3')},
           date '1935-01-01' + ((g::bigint * 7919) % 31000)::int, m.codes[1 + g % greatest(cardinality(m.codes), 1)],
           CASE WHEN g % 20 = 0 THEN 'sv' WHEN g % 25 = 0 THEN 'ar' ELSE 'fi' END, g % 25 = 0,
           CASE WHEN g % 3 = 0 THEN 'digital' ELSE 'in-person' END, '040' || lpad((g % 10000000)::text, 7, '0'),
           u.id, now() - ((g % 1000) || ' days')::interval
    FROM generate_series(1, ${o.clients}) g CROSS JOIN m
    JOIN users u ON u.username = ${sql.lit('bench-w')} || (1 + g % ${o.workers})`);

  // Active client relationships: most advice level, some client guidance, few intensive.
  await s('client_relationships', ['clients'], () => sql`
    INSERT INTO client_relationships (client_id, organization_id, county_code, unit_id, level, responsible_user_id, started_at, created_by)
    SELECT cl.id, cl.organization_id, ${c}, u.unit_id,
           CASE WHEN h % 10 < 6 THEN 'neuvonta-ja-ohjaus' WHEN h % 10 < 9 THEN 'asiakasohjaus' ELSE 'intensiivinen-palveluohjaus' END,
           u.id, cl.created_at, u.id
    FROM ${BENCH_CLIENTS} cl
    JOIN users u ON u.id = cl.created_by AND u.username LIKE 'bench-w%'`);

  // Catalogue: varied Finnish names, summaries and keywords, spread over the organisations.
  await s('catalog_services', ['organizations'], () => sql`
    WITH orgs AS (SELECT id, name, sector, row_number() OVER (ORDER BY key) - 1 AS rn, count(*) OVER () AS n
                  FROM organizations WHERE county_code = ${c})
    INSERT INTO catalog_services (county_code, organization_id, provider_name, provider_sector, source, status, name_fi, summary_fi,
      description_fi, keywords, client_groups, segments, age_min, age_max, channels, access_route, low_threshold, languages,
      area_county_codes, phone)
    SELECT ${c}, orgs.id, orgs.name, orgs.sector, 'manual', 'active',
           initcap(t1) || ': ' || k || ' (' || p || ')',
           'Tukea ja ' || k || ' aiheesta ' || t1 || ' sekä ' || t2 || ' ' || p || 'n alueella.',
           'Palvelu on tarkoitettu asukkaille, joilla on huolta aiheesta ' || t1 || '. Voit tulla ilman ajanvarausta tai varata ajan. '
             || 'Autamme myös asioissa: ' || t2 || ', ' || t3 || '. Palvelu on maksuton ja luottamuksellinen.',
           ARRAY[t1, t2, t3, k], ARRAY[${pick(GROUPS, 'g')}], ARRAY[${pick(SEGMENTS, 'g')}, ${pick(SEGMENTS, 'g / 4 + 1')}],
           CASE WHEN g % 5 = 0 THEN 13 END, CASE WHEN g % 5 = 0 THEN 29 END,
           CASE WHEN g % 3 = 0 THEN ARRAY['phone','web'] ELSE ARRAY['in-person'] END,
           (ARRAY['open','booking','referral','decision'])[1 + g % 4], g % 3 = 0, ARRAY['fi'], ARRAY[${c}], '09 ' || lpad(g::text, 6, '0')
    FROM (SELECT g, ${pick(TOPICS, 'g')} AS t1, ${pick(TOPICS, 'g / 25 + 3')} AS t2, ${pick(TOPICS, 'g / 7 + 11')} AS t3,
                 ${pick(KINDS, 'g / 3')} AS k, ${pick(PLACES, 'g / 11')} AS p
          FROM generate_series(1, ${o.services}) g) x
    JOIN orgs ON orgs.rn = x.g % orgs.n`);
  if (tables.has('catalog_lexicon')) {
    await db.transaction().execute(async (tx) => {
      await sql`INSERT INTO catalog_lexicon (word, doc_count)
                SELECT word, ndoc FROM ts_stat('SELECT search_words FROM catalog_services WHERE status = ''active''')
                WHERE length(word) BETWEEN 3 AND 60 AND word !~ '^[0-9]+$'
                ON CONFLICT (word) DO UPDATE SET doc_count = excluded.doc_count`.execute(tx);
    }).catch((e) => o.log(`  catalog_lexicon: FAILED (${String(e)})`));
  }

  // Path events: on average pathEvents/clients per client, in four phases; a third cross sectors (interfaces).
  const avg = perClient(o.pathEvents / o.clients);
  await s('path_events', ['clients'], () => sql`
    INSERT INTO path_events (client_id, county_code, organization_id, phase, kind, at, title, sectors, interface_note, created_by)
    SELECT cl.id, ${c}, cl.organization_id,
           (ARRAY['concern','assessment','services','follow-up'])[1 + least(3, (i * 4) / greatest(n, 1))],
           (ARRAY['concern','assessment','plan','referral','meeting','contact','service-started','follow-up'])[1 + (h + i) % 8],
           cl.created_at + (i * 9 || ' days')::interval,
           (ARRAY['Huoli puheeksi','Tilannearvio','Suunnitelma päivitetty','Ohjaus palveluun','Verkostopalaveri','Puhelu','Palvelu alkoi','Seuranta'])[1 + (h + i) % 8],
           CASE WHEN (h + i) % 3 = 0 THEN ARRAY[${pick(SECTORS, 'h + i')}, ${pick(SECTORS, 'h + i + 1')}] ELSE ARRAY[${pick(SECTORS, 'h')}] END,
           CASE WHEN (h + i) % 9 = 0 THEN 'Tieto ei siirtynyt toiselle toimijalle' END, cl.created_by
    FROM (SELECT id, organization_id, created_at, created_by, (hashtext(id::text) & 2147483647) AS h,
                 ${Math.max(1, Math.floor(avg / 2))} + (hashtext(id::text) & 2147483647) % ${avg + 1} AS n
          FROM ${BENCH_CLIENTS} b) cl,
         generate_series(1, cl.n) i`);

  // Plans for 30 % of clients, with members, goals and actions.
  await s('client_plans', ['clients'], () => sql`
    INSERT INTO client_plans (county_code, organization_id, client_id, situation_summary, client_own_goals, review_date, created_by, updated_by)
    SELECT ${c}, organization_id, id, 'Tilanne kartoitettu yhdessä asiakkaan kanssa.', 'Arki sujuu ja työ- tai opiskelupaikka löytyy.',
           -- Review dates from a month ago to three months ahead: a quarter of the plans are overdue for review,
           -- as in a real caseload (the alerts and the client list test each plan's review date).
           current_date - 30 + ((hashtext(id::text) & 2147483647) % 120), created_by, created_by
    FROM clients WHERE created_by IN ${BENCH_WORKERS} AND (hashtext(id::text) & 2147483647) % 10 < 3`);
  await s('client_plan_members', ['client_plans'], () => sql`
    INSERT INTO client_plan_members (plan_id, client_id, county_code, organization_id)
    SELECT p.id, p.client_id, p.county_code, p.organization_id FROM client_plans p
    WHERE NOT EXISTS (SELECT 1 FROM client_plan_members m WHERE m.client_id = p.client_id)`);
  await s('plan_goals', ['client_plans'], () => sql`
    INSERT INTO plan_goals (plan_id, county_code, organization_id, term, text, position)
    SELECT p.id, p.county_code, p.organization_id, CASE WHEN i = 1 THEN 'short' ELSE 'long' END,
           CASE WHEN i = 1 THEN 'Säännöllinen päivärytmi' ELSE 'Oma koti ja toimeentulo' END, i
    FROM client_plans p CROSS JOIN generate_series(1, 2) i WHERE p.created_by IN ${BENCH_WORKERS}`);
  await s('plan_actions', ['client_plans'], () => sql`
    INSERT INTO plan_actions (plan_id, county_code, organization_id, position, title, responsible_kind, responsible_organization_id,
                              responsible_user_id, due, status)
    SELECT p.id, p.county_code, p.organization_id, i, (ARRAY['Yhteys velkaneuvontaan','Vertaisryhmään osallistuminen','Työkykyarvio'])[i],
           'organization', p.organization_id, p.created_by, current_date + i * 30,
           (ARRAY['planned','in-progress','done'])[i]
    FROM client_plans p CROSS JOIN generate_series(1, 3) i WHERE p.created_by IN ${BENCH_WORKERS}`);

  // Assessments for half of the clients (segment and level as suggested, so no override reason needed).
  await s('assessments', ['clients'], () => sql`
    INSERT INTO assessments (client_id, county_code, organization_id, everyday_life, resources, health, channel, network, coordination,
      suggested_segment, suggested_level, segment, level, assessed_by, assessed_by_role, at)
    SELECT cl.id, ${c}, cl.organization_id, h % 10, (h / 10) % 10, (h / 100) % 10, (h / 1000) % 10, (h / 7) % 10, (h / 3) % 10,
           ${pick(SEGMENTS, 'h')}, (ARRAY['neuvonta-ja-ohjaus','asiakasohjaus','intensiivinen-palveluohjaus'])[1 + h % 3],
           ${pick(SEGMENTS, 'h')}, (ARRAY['neuvonta-ja-ohjaus','asiakasohjaus','intensiivinen-palveluohjaus'])[1 + h % 3],
           cl.created_by, 'client-counsellor', cl.created_at + interval '10 days'
    FROM ${BENCH_CLIENTS} cl WHERE h % 2 = 0`);

  // Referrals: about one for every two clients, to services of other organisations, in all states.
  // The service count is a literal: as a scalar subquery in the join condition the planner chose a
  // nested loop (clients × services), minutes at 100k clients and 47 s at 10k on PGlite.
  const activeServices = tables.has('catalog_services')
    ? Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalog_services WHERE status = 'active'`.execute(db)).rows[0]?.n ?? 0)
    : 0;
  await s('referrals', ['clients', 'catalog_services'], () => sql`
    WITH sv AS MATERIALIZED (SELECT id, organization_id, name_fi, provider_sector, row_number() OVER (ORDER BY id) - 1 AS rn
                FROM catalog_services WHERE status = 'active')
    INSERT INTO referrals (county_code, organization_id, client_id, from_user_id, to_organization_id, to_provider_name, to_sector,
                           service_id, service_name, status, status_changed_at, reason, urgency, shared_categories, created_at)
    SELECT ${c}, cl.organization_id, cl.id, cl.created_by, sv.organization_id, sv.name_fi, sv.provider_sector, sv.id, sv.name_fi,
           (ARRAY['requested','received','accepted','in-progress','completed','rejected','completed','in-progress'])[1 + cl.h % 8],
           cl.created_at + interval '20 days', 'Asiakas tarvitsee tukea arjen asioihin.',
           (ARRAY['normal','normal','urgent','low'])[1 + cl.h % 4], ARRAY['contact','plan'], cl.created_at + interval '15 days'
    FROM ${BENCH_CLIENTS} cl
    JOIN sv ON sv.rn = cl.h % ${sql.lit(Math.max(1, activeServices))} WHERE cl.h % 2 = 1`);
  await s('referral_events', ['referrals'], () => sql`
    INSERT INTO referral_events (referral_id, client_id, county_code, organization_id, status, at, by_user_id, by_name)
    SELECT r.id, r.client_id, r.county_code, r.organization_id, r.status, r.status_changed_at, r.from_user_id, 'Ohjaaja'
    FROM referrals r WHERE r.from_user_id IN ${BENCH_WORKERS}`);

  // Meetings for one client in ten, with the worker, the client and a partner as participants.
  await s('meetings', ['clients'], () => sql`
    INSERT INTO meetings (county_code, organization_id, client_id, starts_at, place, status, purpose, created_by)
    SELECT ${c}, organization_id, id, now() + (((hashtext(id::text) & 2147483647) % 120) - 60 || ' days')::interval, 'Perhekeskus',
           CASE WHEN (hashtext(id::text) & 2147483647) % 120 < 60 THEN 'held' ELSE 'planned' END, 'Yhteinen suunnitelma', created_by
    FROM clients WHERE created_by IN ${BENCH_WORKERS} AND (hashtext(id::text) & 2147483647) % 10 = 4`);
  await s('meeting_participants', ['meetings'], () => sql`
    INSERT INTO meeting_participants (meeting_id, client_id, county_code, user_id, organization_id, name, role, kind, position)
    SELECT m.id, m.client_id, m.county_code, CASE WHEN i = 1 THEN m.created_by END, CASE WHEN i <> 2 THEN m.organization_id END,
           (ARRAY['Ohjaaja','Asiakas','Opinto-ohjaaja'])[i], (ARRAY['koollekutsuja','asiakas','kumppani'])[i],
           (ARRAY['professional','client','professional'])[i], i
    FROM meetings m CROSS JOIN generate_series(1, 3) i WHERE m.created_by IN ${BENCH_WORKERS}`);

  // Follow-up tasks: one or two per client, most open, due around today (some overdue → alerts).
  await s('followup_tasks', ['clients'], () => sql`
    INSERT INTO followup_tasks (county_code, organization_id, client_id, title, owner_user_id, owner_name, owner_organization_id,
                                due, status, completed_at, source, created_by)
    SELECT ${c}, cl.organization_id, cl.id, (ARRAY['Soita asiakkaalle','Tarkista lähetteen tila','Varaa verkostopalaveri'])[i],
           cl.created_by, 'Ohjaaja', cl.organization_id, current_date + ((cl.h + i * 17) % 90) - 30,
           CASE WHEN (cl.h + i) % 4 = 0 THEN 'done' ELSE 'open' END, CASE WHEN (cl.h + i) % 4 = 0 THEN now() END, 'manual', cl.created_by
    FROM ${BENCH_CLIENTS} cl, generate_series(1, 1 + cl.h % 2) i`);

  // Feedback: one response for every five clients, six items each.
  await s('feedback_responses', ['organizations'], () => sql`
    WITH orgs AS (SELECT id, row_number() OVER (ORDER BY key) - 1 AS rn, count(*) OVER () AS n FROM organizations WHERE county_code = ${c})
    INSERT INTO feedback_responses (county_code, organization_id, questionnaire_id, respondent, client_group, submitted_on)
    SELECT ${c}, orgs.id, 'preventive', 'client', ${pick(GROUPS, 'g')}, current_date - g % 700
    FROM generate_series(1, ${Math.max(1, Math.round(o.clients / 5))}) g JOIN orgs ON orgs.rn = g % orgs.n`);
  await s('feedback_answers', ['feedback_responses'], () => sql`
    INSERT INTO feedback_answers (response_id, county_code, organization_id, item_id, rating)
    SELECT r.id, r.county_code, r.organization_id, 'preventive.encounter.' || i, 1 + (hashtext(r.id::text || i) & 2147483647) % 5
    FROM feedback_responses r CROSS JOIN generate_series(1, 6) i
    WHERE NOT EXISTS (SELECT 1 FROM feedback_answers a WHERE a.response_id = r.id)`);

  // VACUUM as well: autovacuum keeps a live database's GIN pending lists (fastupdate) merged, but
  // after a bulk load of seconds it has not run yet, and every catalogue search would scan the
  // unmerged list (≈ 65 ms at 5k services). Falls back to ANALYZE inside a transaction.
  o.log('  VACUUM ANALYZE …');
  await sql`VACUUM ANALYZE`.execute(db).catch(() => sql`ANALYZE`.execute(db));
  return results;
}
