import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { DemoContext, DemoSeed } from './context.js';
import { seedFoundation } from './foundation.demo.js';
import { seedMeetingsAndFollowup } from '../../domain/meetings/index.js';
import { seedCatalog } from '../../domain/catalog/catalog.demo.js';
import { seedClientsDemo } from '../../domain/clients/clients.demo.js';
import { DEMO_COUNTY_CODE } from './organizations.js';
import { seedPlans } from '../../domain/plans/plans.demo.js';
import { seedFeedback } from '../../domain/feedback/feedback.demo.js';
import { seedConsentsAndReferrals } from '../../domain/referrals/referrals.demo.js';
import { seedAbsence } from '../../domain/absence/absence.demo.js';

/**
 * Module seeds in dependency order, each adding its part of the living demo world
 * (catalogue, assessments, plans, referrals, meetings, tasks …). One line per module.
 */
const MODULE_SEEDS: DemoSeed[] = [
  seedFoundation,
  seedCatalog,
  // module seeds
  seedClientsDemo,
  seedConsentsAndReferrals,
  seedPlans,
  seedFeedback,
  seedMeetingsAndFollowup,
  seedAbsence,
];

/** Fills an empty database with the seed world, in one transaction. A second start changes nothing. */
export async function seedDemo(db: Kysely<DB>, today = new Date()): Promise<boolean> {
  const already = await db.selectFrom('organizations').select('id').where('key', '=', 'keusote').executeTakeFirst();
  if (already) return false;
  await db.transaction().execute(async (tx) => {
    const ctx: DemoContext = { today, countyCode: DEMO_COUNTY_CODE, orgs: new Map(), units: new Map(), users: new Map(), clients: new Map() };
    for (const seed of MODULE_SEEDS) await seed(tx, ctx);
  });
  return true;
}
