import { sql, type Kysely } from 'kysely';
import { WITH_NEXT } from '../../db/at-commit.js';
import type { DB, Tx } from '../../db/schema.js';
import { auditAtEnd } from '../audit/audit.service.js';
import type { Actor } from '../identity/actor.js';

/**
 * One use case = one transaction. The actor's organisation and county are set as
 * transaction-local settings, which row-level security policies read (a second line of defence).
 */
export async function inTransaction<T>(db: Kysely<DB>, actor: Actor | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await setTenantContext(tx, actor);
    return auditAtEnd(tx, () => fn(tx));
  });
}

/**
 * One transaction of actorless machinery (background jobs): the explicit system tenant context, which
 * row-level security lets see every county (docs/adr/0801-row-level-security.md). Never for request handlers.
 */
export async function inSystemTransaction<T>(db: Kysely<DB>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await setSystemContext(tx);
    return fn(tx);
  });
}

export async function setSystemContext(tx: Tx) {
  await sql`SELECT set_config('polku.user_id', '', true),
                   set_config('polku.organization_id', '', true),
                   set_config('polku.county_code', '', true),
                   set_config('polku.role', 'system', true),
                   set_config('polku.client_id', '', true)`.execute(tx);
}

/** An operator's batch for one county without a user (PTV import script): that county's rows only. */
export async function setCountyContext(tx: Tx, countyCode: string) {
  await sql`SELECT set_config('polku.user_id', '', true),
                   set_config('polku.organization_id', '', true),
                   set_config('polku.county_code', ${countyCode}, true),
                   set_config('polku.role', '', true),
                   set_config('polku.client_id', '', true)`.execute(tx);
}

/**
 * No actor = no tenant: row-level security then shows no client data, only reference data.
 * The values are ids, codes and role names read from the database; when they are plain words they
 * go into the statement as literals, so it has no parameters and the PostgreSQL pool sends it in one
 * message together with the transaction's `begin` (database.ts, beginWithFirstStatement). Anything
 * else stays a bound parameter.
 */
export async function setTenantContext(tx: Tx, actor: Actor | null) {
  const v = (x: string | null | undefined) => (/^[\w-]*$/.test(x ?? '') ? sql.lit(x ?? '') : sql`${x ?? ''}`);
  // Its result is never read: marked to travel with the transaction's next statement (db/at-commit.ts).
  await sql`${sql.raw(WITH_NEXT)}SELECT set_config('polku.user_id', ${v(actor?.userId)}, true),
                   set_config('polku.organization_id', ${v(actor?.organizationId)}, true),
                   set_config('polku.county_code', ${v(actor?.countyCode)}, true),
                   set_config('polku.role', ${v(actor?.role)}, true),
                   set_config('polku.client_id', ${v(actor?.clientId)}, true)`.execute(tx);
}
