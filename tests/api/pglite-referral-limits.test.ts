/**
 * A client's referral list reads the time limits that apply to each referral in its own statement
 * (referrals.repository.ts, referralSummariesOfClient) instead of reading every row of
 * referral_time_limits per request. Its `stuck` must follow every change of the limits at once (there is
 * no cache to go stale) and agree with the referral's detail and the sender's outbox, which still choose
 * from all rows (limitsFor): built-in default, county default, the receiver's own limits.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { makeClient, makeConsent, makeReferral, orgId, serviceOf } from './referrals.fixtures.js';

let t: TestApp;
let sender: string;

beforeAll(async () => {
  t = await createTestApp();
  sender = await t.login('ohjaaja');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe(`a client's referral list and the time limits on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('marks the same referrals stuck as the detail and the outbox after each change of the limits', async () => {
    const lahitori = await orgId(t, 'lahitori');
    const clientId = await makeClient(t, sender);
    await makeConsent(t, sender, clientId, [lahitori]);
    const id = await makeReferral(t, sender, clientId, await serviceOf(t, 'lahitori'));
    // Requested four days ago, nobody has received it.
    await sql`UPDATE referrals SET status_changed_at = now() - interval '4 days' WHERE id = ${id}`.execute(t.db);
    const { county_code: county } = await t.db.selectFrom('referrals').select('county_code').where('id', '=', id).executeTakeFirstOrThrow();
    const setLimits = async (rows: { organization_id: string | null; days: number }[]) => {
      await t.db.deleteFrom('referral_time_limits').where((eb) => eb.or([eb('county_code', '=', county), eb('organization_id', '=', lahitori)])).execute();
      for (const r of rows)
        await t.db.insertInto('referral_time_limits').values({ county_code: county, organization_id: r.organization_id, not_received_days: r.days, not_accepted_days: r.days }).execute();
    };
    const stuckNow = async () => {
      const list = (await t.call('GET', `/api/v1/clients/${clientId}/referrals`, { cookie: sender })).json().items as { id: string; stuck: string | null }[];
      const detail = (await t.call('GET', `/api/v1/referrals/${id}`, { cookie: sender })).json() as { stuck: string | null };
      const outbox = (await t.call('GET', '/api/v1/referrals?box=outgoing', { cookie: sender })).json().items as { id: string; stuck: string | null }[];
      const inList = list.find((r) => r.id === id)!.stuck;
      expect(inList).toBe(detail.stuck);
      expect(inList).toBe(outbox.find((r) => r.id === id)!.stuck);
      return inList;
    };

    await setLimits([]);
    expect(await stuckNow()).toBe('not-received'); // built-in default: 3 days
    await setLimits([{ organization_id: null, days: 10 }]);
    expect(await stuckNow()).toBeNull(); // the county's default
    await setLimits([{ organization_id: null, days: 10 }, { organization_id: lahitori, days: 2 }]);
    expect(await stuckNow()).toBe('not-received'); // the receiver's own limits win
    await setLimits([{ organization_id: null, days: 2 }, { organization_id: lahitori, days: 10 }]);
    expect(await stuckNow()).toBeNull();
  });
});
