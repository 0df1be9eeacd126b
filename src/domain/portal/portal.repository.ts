import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';

export interface PersonRow {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: unknown;
}

export function clientPerson(tx: Tx, clientId: string): Promise<PersonRow | undefined> {
  return tx.selectFrom('clients').select(['id', 'first_name', 'last_name', 'birth_date']).where('id', '=', clientId).executeTakeFirst();
}

/** Children for whom the client is recorded as guardian (client_close_ones of the child, 0200). */
export function childrenOfGuardian(tx: Tx, guardianClientId: string): Promise<PersonRow[]> {
  return tx
    .selectFrom('client_close_ones as co')
    .innerJoin('clients as c', 'c.id', 'co.client_id')
    .select(['c.id', 'c.first_name', 'c.last_name', 'c.birth_date'])
    .where('co.related_client_id', '=', guardianClientId)
    .where('co.is_guardian', '=', true)
    .orderBy('c.birth_date')
    .execute();
}

/** Organisations the client deals with (relationships and referrals): whom a consent can name. */
export async function organizationsOnPath(tx: Tx, clientId: string) {
  const { rows } = await sql<{ id: string; name: string; sector: string }>`
    SELECT o.id, o.name, o.sector FROM organizations o
     WHERE o.id IN (SELECT organization_id FROM client_relationships WHERE client_id = ${clientId}
                    UNION SELECT to_organization_id FROM referrals WHERE client_id = ${clientId} AND to_organization_id IS NOT NULL
                    UNION SELECT organization_id FROM referrals WHERE client_id = ${clientId})
     ORDER BY o.name`.execute(tx);
  return rows;
}
