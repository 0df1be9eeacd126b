import { sql, type Kysely } from 'kysely';
import type { DB, Tx } from '../../db/schema.js';
import type { Actor } from '../identity/actor.js';

/**
 * One use case = one transaction. The actor's organisation and county are set as
 * transaction-local settings, which row-level security policies read (a second line of defence).
 */
export async function inTransaction<T>(db: Kysely<DB>, actor: Actor | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await setTenantContext(tx, actor);
    return fn(tx);
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

/** No actor = no tenant: row-level security then shows no client data, only reference data. */
export async function setTenantContext(tx: Tx, actor: Actor | null) {
  await sql`SELECT set_config('polku.user_id', ${actor?.userId ?? ''}, true),
                   set_config('polku.organization_id', ${actor?.organizationId ?? ''}, true),
                   set_config('polku.county_code', ${actor?.countyCode ?? ''}, true),
                   set_config('polku.role', ${actor?.role ?? ''}, true),
                   set_config('polku.client_id', ${actor?.clientId ?? ''}, true)`.execute(tx);
}
