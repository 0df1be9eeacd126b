import { hashPassword } from '../../domain/identity/password.js';
import type { Tx } from '../schema.js';
import type { DemoContext } from './context.js';
import { DEMO_COUNTY_CODE, DEMO_ORGANIZATIONS } from './organizations.js';
import { DEMO_USERS } from './users.js';
import { DEMO_CLIENTS } from '../../domain/paths/demo-clients.data.js';

/** Organisations, units, demo users and the seed clients as person records. */
export async function seedFoundation(tx: Tx, ctx: DemoContext) {
  for (const o of DEMO_ORGANIZATIONS) {
    const row = await tx
      .insertInto('organizations')
      .values({
        key: o.key,
        county_code: o.countyCode,
        name: o.name,
        name_sv: o.nameSv ?? null,
        name_en: o.nameEn ?? null,
        sector: o.sector,
        municipality_code: o.municipalityCode,
        phone: o.phone ?? null,
        uses_polku: o.usesPolku,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.orgs.set(o.key, { id: row.id, sector: o.sector, name: o.name });
    for (const u of o.units) {
      const unit = await tx
        .insertInto('units')
        .values({ key: u.key, organization_id: row.id, county_code: o.countyCode, name: u.name, name_sv: u.nameSv ?? null, name_en: u.nameEn ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      ctx.units.set(`${o.key}/${u.key}`, unit.id);
    }
  }

  // The seed clients and their family members as person records, registered by the organisation
  // that first met them (their first client relationship).
  for (const c of DEMO_CLIENTS) {
    const registeredBy = ctx.orgs.get(c.relationships[0]?.organizationKey ?? 'keusote')!.id;
    for (const p of [c.person, ...c.family.map((f) => f.person)]) {
      const row = await tx
        .insertInto('clients')
        .values({
          county_code: DEMO_COUNTY_CODE,
          organization_id: registeredBy,
          first_name: p.firstName,
          last_name: p.lastName,
          birth_date: p.birthDate,
          municipality_code: p.municipalityCode,
          language: p.language,
          interpreter_needed: p.interpreterNeeded,
          plain_language: p.plainLanguage,
          preferred_channel: p.preferredChannel,
          non_disclosure: p.nonDisclosure,
          phone: p.phone,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ctx.clients.set(p.key, row.id);
    }
  }

  // One hash for every demo account: they share the published password `demo` anyway.
  const hash = await hashPassword('demo');
  for (const u of DEMO_USERS) {
    const org = ctx.orgs.get(u.organizationKey);
    if (!org) throw new Error(`Demo user ${u.username}: unknown organisation ${u.organizationKey}`);
    const row = await tx
      .insertInto('users')
      .values({
        username: u.username,
        password_hash: hash,
        display_name: u.displayName,
        title: u.title,
        role: u.role,
        organization_id: org.id,
        unit_id: u.unitKey ? (ctx.units.get(`${u.organizationKey}/${u.unitKey}`) ?? null) : null,
        county_code: DEMO_COUNTY_CODE,
        client_id: u.clientKey ? (ctx.clients.get(u.clientKey) ?? null) : null,
        phone: u.phone,
        email: u.email,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.users.set(u.username, { id: row.id, organizationId: org.id });
  }

  for (const c of DEMO_CLIENTS) {
    for (const r of c.relationships) {
      await tx
        .insertInto('client_relationships')
        .values({
          client_id: ctx.clients.get(c.key)!,
          organization_id: ctx.orgs.get(r.organizationKey)!.id,
          county_code: DEMO_COUNTY_CODE,
          unit_id: ctx.units.get(`${r.organizationKey}/${r.unitKey}`) ?? null,
          level: r.level,
          responsible_user_id: ctx.users.get(r.responsibleUsername)!.id,
          backup_user_id: ctx.users.get(r.backupUsername)!.id,
          coordination_note: r.coordinationNote,
          started_at: r.startedAt,
          ended_at: r.endedAt ?? null,
        })
        .execute();
    }
  }
}
