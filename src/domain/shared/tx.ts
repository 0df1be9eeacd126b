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

export async function setTenantContext(tx: Tx, actor: Actor | null) {
  await sql`SELECT set_config('polku.user_id', ${actor?.userId ?? ''}, true),
                   set_config('polku.organization_id', ${actor?.organizationId ?? ''}, true),
                   set_config('polku.county_code', ${actor?.countyCode ?? ''}, true),
                   set_config('polku.role', ${actor?.role ?? ''}, true),
                   set_config('polku.client_id', ${actor?.clientId ?? ''}, true)`.execute(tx);
}
