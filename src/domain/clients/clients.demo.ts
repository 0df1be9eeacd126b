import type { Tx } from '../../db/schema.js';
import type { DemoContext } from '../../db/demo/context.js';
import { DEMO_USERS } from '../../db/demo/users.js';
import { insertAssessment, insertSelfAssessment, suggest } from '../assessment/index.js';
import { insertConcern } from '../concerns/index.js';
import { DEMO_CLIENTS, type DemoClient } from '../paths/demo-clients.data.js';
import * as repo from './clients.repository.js';

/**
 * Person details, close ones and families, concerns, self-assessments and assessments of the nine
 * seed clients (src/domain/paths/demo-clients.data.ts, from seeds 000 and 001).
 */
export async function seedClientsDemo(tx: Tx, ctx: DemoContext) {
  for (const c of DEMO_CLIENTS) {
    const id = ctx.clients.get(c.key);
    if (!id) continue;
    await seedPerson(tx, ctx, c, id);
    await seedConcern(tx, ctx, c, id);
    for (const s of c.selfAssessments) {
      await insertSelfAssessment(
        tx,
        { clientId: id, countyCode: ctx.countyCode, organizationId: ctx.orgs.get('keusote')?.id ?? null, filledBy: s.filledBy, ownWords: s.ownWords, recordedBy: null, at: `${s.at}T10:00:00+02:00` },
        Object.entries(s.answers).map(([key, rating]) => ({ key, rating, note: null })),
      );
    }
    await seedAssessment(tx, ctx, c, id);
  }
}

const user = (ctx: DemoContext, username: string) => ctx.users.get(username);
const role = (username: string) => DEMO_USERS.find((u) => u.username === username)?.role ?? 'client-counsellor';

async function seedPerson(tx: Tx, ctx: DemoContext, c: DemoClient, id: string) {
  const orgId = ctx.orgs.get('keusote')!.id;
  await repo.updateClientRow(tx, id, { non_disclosure: c.person.nonDisclosure, interpreter_needed: c.person.interpreterNeeded, plain_language: c.person.plainLanguage });
  for (const o of c.person.closeOnes) {
    const related = o.personKey ? (ctx.clients.get(o.personKey) ?? undefined) : undefined;
    const member = c.family.find((f) => f.person.key === o.personKey);
    await repo.insertCloseOne(tx, id, ctx.countyCode, orgId, null, {
      name: o.name, relation: o.relation, phone: o.phone ?? undefined, isGuardian: o.isGuardian, sameHousehold: member?.sameHousehold ?? false, relatedClientId: related,
    });
  }
  const household = c.family.filter((f) => f.sameHousehold);
  if (household.length > 0) {
    const householdId = await repo.insertHousehold(tx, { countyCode: ctx.countyCode, organizationId: orgId, name: `Perhe ${c.person.lastName}`, createdBy: null });
    await repo.updateClientRow(tx, id, { household_id: householdId });
    for (const f of household) {
      const memberId = ctx.clients.get(f.person.key);
      if (memberId) await repo.updateClientRow(tx, memberId, { household_id: householdId });
    }
  }
}

async function seedConcern(tx: Tx, ctx: DemoContext, c: DemoClient, id: string) {
  const k = c.concern;
  const raiser = k.noticedBy.username ? user(ctx, k.noticedBy.username) : undefined;
  const organizationId = k.noticedBy.organizationKey ? ctx.orgs.get(k.noticedBy.organizationKey)?.id : raiser?.organizationId;
  const social = ctx.orgs.get('keusote')!.id;
  const toSocial = k.route !== 'advice';
  const concernId = await insertConcern(tx, {
    clientId: id,
    countyCode: ctx.countyCode,
    organizationId: organizationId ?? social,
    raisedBy: raiser?.id ?? null,
    noticedByRole: k.noticedBy.role,
    noticedBySector: k.noticedBy.sector,
    noticedByName: k.noticedBy.name ?? null,
    what: k.what,
    urgency: k.urgency,
    route: k.route,
    consentGiven: k.route === 'shl35-consent',
    dutyReason: k.route === 'shl35-duty' ? 'Ilmeinen tuen tarve eikä henkilö pysty itse huolehtimaan asiastaan (SHL 35 §).' : null,
    adviceGiven: k.route === 'advice' ? 'Neuvonta annettu ja ohjattu palveluun.' : null,
    toOrganizationId: toSocial ? social : null,
    status: toSocial ? 'sent' : 'closed',
    at: `${k.at}T09:00:00+02:00`,
  });
  // Contacts in the seed history have all been handled by social services.
  const worker = user(ctx, 'sosiaalityo');
  if (toSocial && worker) {
    await tx.updateTable('concerns').set({ status: 'received', received_at: `${k.at}T15:00:00+02:00`, received_by: worker.id }).where('id', '=', concernId).execute();
  }
}

async function seedAssessment(tx: Tx, ctx: DemoContext, c: DemoClient, id: string) {
  const a = c.assessment;
  // Only a social worker records a special support need; the seed's assessor may be someone else.
  const username = a.specialSupportNeed && role(a.assessedByUsername) !== 'social-worker' ? 'sosiaalityo' : a.assessedByUsername;
  const assessor = user(ctx, username);
  if (!assessor) return;
  const suggestion = suggest(a.scales, { specialSupportNeed: a.specialSupportNeed });
  const overridden = suggestion.segment.code !== a.segment || suggestion.level.code !== a.level;
  await insertAssessment(tx, {
    clientId: id,
    countyCode: ctx.countyCode,
    organizationId: assessor.organizationId,
    profile: a.scales,
    suggestedSegment: suggestion.segment.code,
    suggestedLevel: suggestion.level.code,
    segment: a.segment,
    level: a.level,
    overrideReason: overridden ? a.reason : null,
    specialSupportNeed: a.specialSupportNeed,
    notes: overridden ? null : a.reason,
    assessedBy: assessor.id,
    assessedByRole: role(username),
    at: `${a.at}T12:00:00+02:00`,
  });
}
