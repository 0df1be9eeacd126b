/**
 * Shared set-up of the follow-up tests that compare two ways of computing the same alerts
 * (followup-equivalence: the statements before and after; caseload-followup: the client list against
 * computeAlerts): the demo professionals as actors, and plan reviews placed on the boundaries.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { Actor } from '../../src/domain/identity/actor.js';
import { finnishDate } from '../../src/domain/followup/followup.rules.js';
import { isProfessional, type Role } from '../../src/domain/identity/roles.js';

/** The demo professionals as request actors; `withClientsOnly`: only those responsible for an active relationship. */
export async function professionalActors(db: Kysely<DB>, correlationId: string, opts: { withClientsOnly?: boolean } = {}): Promise<Actor[]> {
  let query = db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.organization_id', 'o.name', 'o.sector', 'o.county_code', 'u.unit_id'])
    .orderBy('u.username');
  if (opts.withClientsOnly) {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('client_relationships as r').select('r.id').whereRef('r.responsible_user_id', '=', 'u.id').where('r.ended_at', 'is', null)),
    );
  }
  return (await query.execute())
    .filter((u) => isProfessional(u.role as Role))
    .map((u) => ({
      userId: u.id, username: u.username, displayName: u.display_name, role: u.role as Role, organizationId: u.organization_id!, organizationName: u.name,
      organizationSector: u.sector, countyCode: u.county_code, unitId: u.unit_id, clientId: null, correlationId, ip: null,
    }));
}

/**
 * Of the workers' clients with a plan, one review long overdue and one due exactly on `day` (not overdue
 * that day), so both sides of the "review overdue" rule are exercised. Returns how many plans there were.
 */
export async function placePlanReviews(db: Kysely<DB>, day: Date): Promise<number> {
  const planned = await db
    .selectFrom('client_relationships as r')
    .innerJoin('client_plan_members as pm', 'pm.client_id', 'r.client_id')
    .select(['pm.plan_id'])
    .where('r.responsible_user_id', 'is not', null)
    .where('r.ended_at', 'is', null)
    .orderBy('pm.plan_id')
    .execute();
  if (planned.length < 2) return planned.length;
  await sql`UPDATE client_plans SET review_date = ${'2026-01-15'} WHERE id = ${planned[0]!.plan_id}`.execute(db);
  await sql`UPDATE client_plans SET review_date = ${finnishDate(day)} WHERE id = ${planned[1]!.plan_id}`.execute(db);
  return planned.length;
}
