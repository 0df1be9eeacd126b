import { hashPassword } from '../../domain/identity/password.js';
import type { Tx } from '../schema.js';
import type { DemoContext } from './context.js';
import { DEMO_COUNTY_CODE, DEMO_ORGANIZATIONS } from './organizations.js';
import { DEMO_USERS } from './users.js';
import { FOUNDATION_CLIENTS } from './clients.js';

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

  for (const c of FOUNDATION_CLIENTS) {
    const row = await tx
      .insertInto('clients')
      .values({
        county_code: DEMO_COUNTY_CODE,
        organization_id: ctx.orgs.get(c.registeredByOrg)!.id,
        first_name: c.firstName,
        last_name: c.lastName,
        birth_date: c.birthDate,
        municipality_code: c.municipalityCode,
        language: c.language,
        interpreter_needed: c.interpreterNeeded,
        plain_language: c.plainLanguage,
        preferred_channel: c.preferredChannel,
        phone: c.phone,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.clients.set(c.key, row.id);
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

  for (const c of FOUNDATION_CLIENTS) {
    for (const r of c.relationships) {
      const org = ctx.orgs.get(r.organizationKey)!;
      await tx
        .insertInto('client_relationships')
        .values({
          client_id: ctx.clients.get(c.key)!,
          organization_id: org.id,
          county_code: DEMO_COUNTY_CODE,
          unit_id: r.unitKey ? (ctx.units.get(`${r.organizationKey}/${r.unitKey}`) ?? null) : null,
          level: r.level,
          responsible_user_id: r.responsible ? ctx.users.get(r.responsible)!.id : null,
          backup_user_id: r.backup ? ctx.users.get(r.backup)!.id : null,
          coordination_note: r.coordinationNote ?? null,
          started_at: r.startedAt,
        })
        .execute();
    }
  }
}
