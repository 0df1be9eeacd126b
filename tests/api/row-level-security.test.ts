import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Tx } from '../../src/db/schema.js';
import { inSystemTransaction, inTransaction } from '../../src/domain/shared/tx.js';
import type { Actor } from '../../src/domain/identity/actor.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Row-level security (migration 0801) as the second line of defence: these queries go straight to the
 * database as the app role, past every access check of the application.
 */
let t: TestApp;
const COUNTY_A = '02'; // the demo world (Keski-Uusimaa)
const COUNTY_B = '01'; // another county, created here
let clientB = '';
let orgB = '';

const CLIENT_TABLES = ['clients', 'client_relationships', 'consents', 'referrals', 'notifications', 'meetings', 'followup_tasks', 'path_events'] as const;

/** A transaction on the app's own connection, as the app role, with the given tenant settings (or none). */
async function asApp<T>(settings: { county?: string; role?: string } | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return t.database.db.transaction().execute(async (tx) => {
    // The app connection already runs as polku_app; switching inside the transaction makes it explicit on both engines.
    await sql`SET LOCAL ROLE polku_app`.execute(tx);
    if (settings) {
      await sql`SELECT set_config('polku.county_code', ${settings.county ?? ''}, true), set_config('polku.role', ${settings.role ?? ''}, true)`.execute(tx);
    }
    return fn(tx);
  });
}

async function count(tx: Tx, table: string, where = sql`true`) {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(tx);
  return r.rows[0]!.n;
}

async function expectError(p: Promise<unknown>, pattern: RegExp) {
  let error: unknown = null;
  try {
    await p;
  } catch (e) {
    error = e;
  }
  expect(error, 'expected the statement to be refused').not.toBeNull();
  expect(String((error as Error).message)).toMatch(pattern);
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  // Arrange a second county's organisation and client as the system context (what jobs use).
  await inSystemTransaction(t.database.db, async (tx) => {
    const org = await tx
      .insertInto('organizations')
      .values({ key: 'rls-b', county_code: COUNTY_B, name: 'Toinen hyvinvointialue', sector: 'wellbeing-county' })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgB = org.id;
    const client = await tx
      .insertInto('clients')
      .values({ county_code: COUNTY_B, organization_id: orgB, first_name: 'Bertta', last_name: 'Toinen', birth_date: '1990-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    clientB = client.id;
  });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe(`row-level security on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('the app role is neither superuser nor owner and cannot switch row-level security off', async () => {
    await asApp(null, async (tx) => {
      const me = await sql<{ user: string; rolsuper: boolean; rolbypassrls: boolean }>`
        SELECT current_user AS user, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user`.execute(tx);
      expect(me.rows[0]).toEqual({ user: 'polku_app', rolsuper: false, rolbypassrls: false });
      const owned = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user`.execute(tx);
      expect(owned.rows[0]!.n).toBe(0);
      const rls = await sql<{ relname: string; relrowsecurity: boolean }>`
        SELECT relname, relrowsecurity FROM pg_class WHERE relname IN ('clients', 'referrals', 'users', 'audit_log')`.execute(tx);
      expect(rls.rows.every((r) => r.relrowsecurity)).toBe(true);
    });
    await expectError(asApp(null, (tx) => sql`ALTER TABLE clients DISABLE ROW LEVEL SECURITY`.execute(tx)), /owner/i);
    await expectError(asApp(null, (tx) => sql`ALTER TABLE clients NO FORCE ROW LEVEL SECURITY`.execute(tx)), /owner/i);
    await expectError(asApp(null, (tx) => sql`DROP POLICY tenant_rows ON clients`.execute(tx)), /owner/i);
    await expectError(asApp(null, (tx) => sql`SET LOCAL row_security = off`.execute(tx).then(() => count(tx, 'clients'))), /row-level security|row level security/i);
  });

  it('every table that carries county_code has row-level security enabled', async () => {
    const rows = await asApp(null, (tx) =>
      sql<{ table_name: string; relrowsecurity: boolean }>`
        SELECT c.table_name, k.relrowsecurity FROM information_schema.columns c
        JOIN pg_class k ON k.relname = c.table_name AND k.relkind = 'r'
        JOIN pg_namespace s ON s.oid = k.relnamespace AND s.nspname = c.table_schema
        WHERE c.table_schema = 'public' AND c.column_name = 'county_code'`.execute(tx),
    );
    expect(rows.rows.length).toBeGreaterThan(40);
    expect(rows.rows.filter((r) => !r.relrowsecurity).map((r) => r.table_name)).toEqual([]);
  });

  it('with no tenant context, client tables return nothing', async () => {
    for (const settings of [null, { county: '' }]) {
      await asApp(settings, async (tx) => {
        for (const table of CLIENT_TABLES) expect(await count(tx, table), `${table} without tenant`).toBe(0);
        // Audit rows of a county are client data too; only county-less rows (logins) remain.
        expect(await count(tx, 'audit_log', sql`county_code IS NOT NULL`)).toBe(0);
        // Reference data stays readable (public catalogue, login).
        expect(await count(tx, 'organizations')).toBeGreaterThan(0);
        expect(await count(tx, 'catalog_services')).toBeGreaterThan(0);
        expect(await count(tx, 'users')).toBeGreaterThan(0);
      });
    }
    // The same through the app's own transaction helper with no actor.
    const n = await inTransaction(t.database.db, null, (tx) => count(tx, 'clients'));
    expect(n).toBe(0);
  });

  it('with county A context only county A rows are visible; county B rows are invisible to direct SQL', async () => {
    await asApp({ county: COUNTY_A }, async (tx) => {
      expect(await count(tx, 'clients')).toBeGreaterThan(0);
      for (const table of CLIENT_TABLES) {
        expect(await count(tx, table, sql`county_code <> ${COUNTY_A}`), `${table} other counties`).toBe(0);
      }
      expect(await count(tx, 'clients', sql`id = ${clientB}`)).toBe(0);
      const updated = await sql`UPDATE clients SET phone = '000' WHERE id = ${clientB}`.execute(tx);
      expect(Number(updated.numAffectedRows ?? 0)).toBe(0);
      const deleted = await sql`DELETE FROM clients WHERE id = ${clientB}`.execute(tx);
      expect(Number(deleted.numAffectedRows ?? 0)).toBe(0);
    });
    await asApp({ county: COUNTY_B }, async (tx) => {
      expect(await count(tx, 'clients')).toBe(1);
      expect(await count(tx, 'clients', sql`id = ${clientB}`)).toBe(1);
    });
    // Untouched by county A's attempts.
    const b = await t.db.selectFrom('clients').select(['phone']).where('id', '=', clientB).executeTakeFirstOrThrow();
    expect(b.phone).toBeNull();
  });

  it('a write into another county is refused, also moving a row out of the own county', async () => {
    await expectError(
      asApp({ county: COUNTY_A }, (tx) =>
        tx
          .insertInto('clients')
          .values({ county_code: COUNTY_B, organization_id: orgB, first_name: 'Väärä', last_name: 'Alue', birth_date: '1980-01-01' })
          .execute(),
      ),
      /row-level security/i,
    );
    await expectError(
      asApp({ county: COUNTY_A }, (tx) => sql`UPDATE clients SET county_code = ${COUNTY_B} WHERE county_code = ${COUNTY_A}`.execute(tx)),
      /row-level security/i,
    );
    // Reference data is readable everywhere but writable only in the own county.
    await expectError(
      asApp({ county: COUNTY_A }, (tx) => sql`INSERT INTO organizations (county_code, name, sector) VALUES (${COUNTY_B}, 'x', 'ngo')`.execute(tx)),
      /row-level security/i,
    );
  });

  it('an actor of county A sees only county A through the app transaction helper, and the API answers 404 for B', async () => {
    const actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'client-counsellor', organizationId: orgB, countyCode: COUNTY_A, clientId: null } as unknown as Actor;
    const ids = await inTransaction(t.database.db, actor, (tx) => tx.selectFrom('clients').select('county_code').distinct().execute());
    expect(ids.map((r) => r.county_code)).toEqual([COUNTY_A]);
    const cookie = await t.login('ohjaaja');
    const res = await t.call('GET', `/api/v1/clients/${clientB}`, { cookie });
    expect(res.statusCode).toBe(404);
  });

  it('every tenant policy reads the tenant once per statement (0920), not per row through polku_tenant_row', async () => {
    const rows = await asApp(null, (tx) =>
      sql<{ tablename: string; policyname: string; qual: string | null; with_check: string | null }>`
        SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public'`.execute(tx),
    );
    const perRow = rows.rows.filter((p) => `${p.qual ?? ''} ${p.with_check ?? ''}`.includes('polku_tenant_row'));
    expect(perRow.map((p) => `${p.tablename}.${p.policyname}`)).toEqual([]);
    const tenantRows = rows.rows.filter((p) => p.policyname === 'tenant_rows');
    expect(tenantRows.length).toBeGreaterThan(40);
    for (const p of tenantRows) {
      for (const e of [p.qual, p.with_check]) expect(e, `${p.tablename}`).toMatch(/county_code = \( SELECT polku_tenant_county\(\).*\) OR \( SELECT polku_system_context\(\)/s);
    }
  });

  it('in every tenant table a county A session sees no row of county B, county B only its own, the system context all, no context none', async () => {
    const rollback = new Error('rollback');
    const tally = async (tx: Tx, table: string, where = sql`true`) => count(tx, table, where);
    const context = (tx: Tx, county: string, role: string) =>
      sql`SELECT set_config('polku.county_code', ${county}, true), set_config('polku.role', ${role}, true)`.execute(tx);
    const moved: string[] = [];
    await t.database.db
      .transaction()
      .execute(async (tx) => {
        await sql`SET LOCAL ROLE polku_app`.execute(tx);
        const tables = (await sql<{ relname: string }>`
          SELECT DISTINCT c.relname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
           WHERE p.polname = 'tenant_rows' ORDER BY 1`.execute(tx)).rows.map((r) => r.relname);
        expect(tables.length).toBeGreaterThan(40);
        // Arrange, in the system context and inside this transaction only: one row of every non-empty table moves to county B.
        await context(tx, '', 'system');
        const totals = new Map<string, { all: number; b: number }>();
        for (const table of tables) {
          // A summary row keyed by county (0960, 0961) may already exist in county B, written by the triggers when
          // its source row moved: then the next row is tried (the triggers themselves upsert, so only this test can collide).
          for (let skip = 0; skip < 5; skip++) {
            await sql`SAVEPOINT move_row`.execute(tx);
            try {
              const r = await sql`UPDATE ${sql.table(table)} SET county_code = ${COUNTY_B}
                                   WHERE ctid = (SELECT ctid FROM ${sql.table(table)} WHERE county_code = ${COUNTY_A} OFFSET ${skip} LIMIT 1)`.execute(tx);
              await sql`RELEASE SAVEPOINT move_row`.execute(tx);
              if (Number(r.numAffectedRows ?? 0) > 0) moved.push(table);
              break;
            } catch (e) {
              if ((e as { code?: string }).code !== '23505') throw e;
              await sql`ROLLBACK TO SAVEPOINT move_row`.execute(tx);
            }
          }
        }
        // Counted after all moves: summary tables (0813, 0814, 0890) follow their sources through triggers.
        for (const table of tables) {
          totals.set(table, { all: await tally(tx, table), b: await tally(tx, table, sql`county_code = ${COUNTY_B}`) });
        }
        // The settings change between statements of one transaction; each statement reads them afresh.
        for (const [county, role] of [[COUNTY_A, ''], [COUNTY_A, 'client-counsellor'], [COUNTY_B, '']] as const) {
          await context(tx, county, role);
          for (const table of tables) {
            const { all, b } = totals.get(table)!;
            expect(await tally(tx, table, sql`county_code <> ${county}`), `${table}: other counties seen from ${county}`).toBe(0);
            expect(await tally(tx, table), `${table}: own rows from ${county}`).toBe(county === COUNTY_B ? b : all - b);
            const touched = await sql`UPDATE ${sql.table(table)} SET county_code = county_code WHERE county_code <> ${county}`.execute(tx);
            expect(Number(touched.numAffectedRows ?? 0), `${table}: rows of other counties updated from ${county}`).toBe(0);
          }
        }
        for (const [county, role] of [['', 'system'], [COUNTY_A, 'system']] as const) {
          await context(tx, county, role);
          for (const table of tables) expect(await tally(tx, table), `${table}: system context`).toBe(totals.get(table)!.all);
        }
        for (const [county, role] of [['', ''], ['', 'manager']] as const) {
          await context(tx, county, role);
          for (const table of tables) expect(await tally(tx, table), `${table}: no tenant`).toBe(0);
        }
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    // Most tenant tables hold demo rows, so the check above ran with a county B row in each of them.
    expect(moved.length, `tables with a moved row: ${moved.join(', ')}`).toBeGreaterThan(30);
  });

  it('the system context (background jobs) sees every county', async () => {
    const counties = await inSystemTransaction(t.database.db, (tx) => tx.selectFrom('clients').select('county_code').distinct().orderBy('county_code').execute());
    expect(counties.map((r) => r.county_code)).toEqual([COUNTY_B, COUNTY_A]);
  });
});
