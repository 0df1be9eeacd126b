import { finnishCalendarDate } from '../shared/calendar.js';
import { z } from 'zod';
import type { Tx } from '../../db/schema.js';
import type {
  ClientDetail,
  ClientListItem,
  CloseOneInput,
  CreateClientRequest,
  UpdateClientRequest,
} from '../../contracts/clients.contracts.js';
import { requireClientAccess } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { isProfessional } from '../identity/roles.js';
import { recordPathEvent } from '../path/index.js';
import { insertRelationship } from '../relationships/index.js';
import type { Sector } from '../catalog/catalog.types.js';
import { AppError, badRequest, conflict, forbidden } from '../shared/errors.js';
import * as repo from './clients.repository.js';
import { ageOn, checkIdentityCode, clientGroupForAge, duplicateReason, maskIdentityCode } from './clients.rules.js';

type CreateInput = z.output<typeof CreateClientRequest>;

type Level = 'neuvonta-ja-ohjaus' | 'asiakasohjaus' | 'intensiivinen-palveluohjaus';

export function requireProfessional(actor: Actor) {
  if (!isProfessional(actor.role)) throw forbidden();
}

/** A 400 about one field: `details.problems` names it, so the form shows the text beside that field. */
const fieldError = (code: string, field: string, messages: { fi: string; sv: string; en: string }) =>
  badRequest(code, messages, { problems: [{ field, code, messages }] });

const invalidIdentityCode = () =>
  fieldError('invalid_identity_code', 'identityCode', {
    fi: 'Henkilötunnus ei ole kelvollinen. Tarkista numerot ja tarkistusmerkki.',
    sv: 'Personbeteckningen är inte giltig. Kontrollera siffrorna och kontrolltecknet.',
    en: 'The personal identity code is not valid. Check the digits and the control character.',
  });

const unknownMunicipality = () =>
  fieldError('unknown_municipality', 'municipalityCode', { fi: 'Kuntaa ei löydy.', sv: 'Kommunen hittades inte.', en: 'Unknown municipality.' });

/**
 * Registers a person as a client and starts a client relationship at the advice level in the
 * registering organisation, with the registering worker as the responsible worker.
 */
export async function registerClient(tx: Tx, actor: Actor, input: CreateInput) {
  requireProfessional(actor);
  const identityCode = await validatePerson(tx, input);
  const duplicates = (await repo.findPossibleDuplicates(tx, actor.countyCode, { ...input, identityCode }))
    .map((row) => ({ row, reason: duplicateReason({ ...input, identityCode }, { firstName: row.first_name, lastName: row.last_name, birthDate: row.birth_date, identityCode: row.identity_code }) }))
    .filter((d) => d.reason !== null);

  const sameCode = duplicates.find((d) => d.reason === 'identity-code');
  if (sameCode) {
    // One person, one register record: the identity code proves who this is, so the registering
    // organisation starts its relationship with the existing record instead of creating a second one.
    if (await repo.activeRelationship(tx, sameCode.row.id, actor.organizationId)) throw duplicateError([sameCode]);
    await startRelationship(tx, actor, sameCode.row.id, 'client.link-existing');
    return { id: sameCode.row.id, linkedExisting: true };
  }
  // Name + birth date is only a hint; show it only when the caller may see that record anyway.
  const visible = [];
  for (const d of duplicates) if (await repo.activeRelationship(tx, d.row.id, actor.organizationId)) visible.push(d);
  if (visible.length > 0 && !input.confirmNotDuplicate) throw duplicateError(visible);

  const id = await repo.insertClient(tx, {
    countyCode: actor.countyCode,
    organizationId: actor.organizationId,
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate,
    identityCode,
    municipalityCode: input.municipalityCode ?? null,
    language: input.language,
    languageOther: input.languageOther ?? null,
    interpreterNeeded: input.interpreterNeeded,
    plainLanguage: input.plainLanguage,
    preferredChannel: input.preferredChannel,
    nonDisclosure: input.nonDisclosure,
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    createdBy: actor.userId,
  });
  await startRelationship(tx, actor, id, 'client.create');
  for (const c of input.closeOnes) await addCloseOneRow(tx, actor, id, c);
  return { id, linkedExisting: false };
}

async function validatePerson(tx: Tx, input: CreateInput): Promise<string | null> {
  if (input.birthDate > finnishCalendarDate() || Number.isNaN(Date.parse(input.birthDate))) {
    throw fieldError('invalid_birth_date', 'birthDate', {
      fi: 'Syntymäaika ei ole kelvollinen päivämäärä.',
      sv: 'Födelsedatumet är inte ett giltigt datum.',
      en: 'The birth date is not a valid date.',
    });
  }
  if (input.municipalityCode && !(await repo.municipalityExists(tx, input.municipalityCode))) {
    throw unknownMunicipality();
  }
  if (!input.identityCode) return null;
  const check = checkIdentityCode(input.identityCode);
  if (!check.valid) throw invalidIdentityCode();
  if (check.birthDate !== input.birthDate) {
    throw fieldError('identity_code_birth_date_mismatch', 'identityCode', {
      fi: 'Henkilötunnus ja syntymäaika eivät täsmää.',
      sv: 'Personbeteckningen och födelsedatumet stämmer inte överens.',
      en: 'The identity code and the birth date do not match.',
    });
  }
  return check.code;
}

function duplicateError(items: { row: { id: string; first_name: string; last_name: string; birth_date: string }; reason: string | null }[]) {
  return conflict(
    'possible_duplicate',
    {
      fi: 'Samalla nimellä ja syntymäajalla tai henkilötunnuksella on jo asiakas. Tarkista, onko kyse samasta henkilöstä.',
      sv: 'Det finns redan en klient med samma namn och födelsedatum eller personbeteckning. Kontrollera om det är samma person.',
      en: 'A client with the same name and birth date or identity code exists. Check whether this is the same person.',
    },
    { items: items.map((d) => ({ id: d.row.id, firstName: d.row.first_name, lastName: d.row.last_name, birthDate: d.row.birth_date, reason: d.reason })) },
  );
}

async function startRelationship(tx: Tx, actor: Actor, clientId: string, action: string) {
  await insertRelationship(tx, {
    clientId,
    organizationId: actor.organizationId,
    countyCode: actor.countyCode,
    unitId: actor.unitId,
    level: 'neuvonta-ja-ohjaus',
    responsibleUserId: actor.userId,
    createdBy: actor.userId,
  });
  await recordAudit(tx, actor, { action, clientId, resource: 'client', resourceId: clientId, basis: 'client-relationship', allowed: true });
  await recordPathEvent(tx, {
    clientId,
    countyCode: actor.countyCode,
    organizationId: actor.organizationId,
    phase: 'concern',
    kind: 'relationship-start',
    title: `Asiakkuus alkoi: ${actor.organizationName} (neuvonta ja ohjaus)`,
    sectors: [actor.organizationSector as Sector],
    createdBy: actor.userId,
  });
}

async function addCloseOneRow(tx: Tx, actor: Actor, clientId: string, c: CloseOneInput) {
  // A family link to another client record is made only by someone who may see that record too.
  if (c.relatedClientId) await requireClientAccess(tx, actor, c.relatedClientId, { action: 'client.link-family', category: 'contact' });
  return repo.insertCloseOne(tx, clientId, actor.countyCode, actor.organizationId, actor.userId, c);
}

export async function addCloseOne(tx: Tx, actor: Actor, clientId: string, c: CloseOneInput) {
  await requireClientAccess(tx, actor, clientId, { action: 'client.close-one.create', category: 'contact', resource: 'close-one' });
  await addCloseOneRow(tx, actor, clientId, c);
  return getClient(tx, actor, clientId, { audited: true });
}

/** The client's record for the caller; 404 when the caller may not see the client. */
export async function getClient(tx: Tx, actor: Actor, id: string, opts: { audited?: boolean } = {}): Promise<ClientDetail> {
  if (!opts.audited) await requireClientAccess(tx, actor, id, { action: 'client.read', category: 'contact', resource: 'client', resourceId: id });
  const row = await repo.getClientRow(tx, id);
  if (!row) throw new AppError(404, 'not_found', { fi: 'Tietoa ei löytynyt.', sv: 'Uppgiften hittades inte.', en: 'Not found.' });
  const [closeOnes, relationships, flags, household] = [
    await repo.closeOnesOf(tx, id),
    await repo.relationshipsOf(tx, id),
    await repo.latestAssessmentFlags(tx, id),
    row.household_id ? await repo.householdOf(tx, row.household_id) : null,
  ];
  const age = ageOn(row.birth_date);
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    age,
    clientGroup: clientGroupForAge(age),
    identityCodeMasked: maskIdentityCode(row.identity_code),
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    language: row.language,
    languageOther: row.language_other,
    interpreterNeeded: row.interpreter_needed,
    plainLanguage: row.plain_language,
    preferredChannel: row.preferred_channel as 'digital' | 'in-person',
    nonDisclosure: row.non_disclosure,
    // Turvakielto: the address never leaves the database, whoever asks.
    address: row.non_disclosure ? null : row.address,
    phone: row.phone,
    email: row.email,
    closeOnes: closeOnes.map((c) => ({
      id: c.id, name: c.name, relation: c.relation, phone: c.phone, isGuardian: c.is_guardian, sameHousehold: c.same_household, relatedClientId: c.related_client_id,
    })),
    household: household
      ? { id: household.id, name: household.name, members: household.members.map((m) => ({ id: m.id, firstName: m.first_name, lastName: m.last_name, birthDate: m.birth_date })) }
      : null,
    relationships: relationships.map((r) => ({
      organizationName: r.organization_name,
      unitName: r.unit_name,
      level: r.level as Level,
      responsibleName: r.responsible_name,
      responsiblePhone: r.responsible_phone,
      startedAt: new Date(r.started_at).toISOString(),
    })),
    segment: (flags?.segment ?? null) as ClientDetail['segment'],
    specialSupportNeed: flags?.special_support_need ?? false,
  };
}

export async function updateClient(tx: Tx, actor: Actor, id: string, input: z.output<typeof UpdateClientRequest>) {
  requireProfessional(actor);
  await requireClientAccess(tx, actor, id, { action: 'client.update', category: 'contact', resource: 'client', resourceId: id });
  if (input.municipalityCode && !(await repo.municipalityExists(tx, input.municipalityCode))) {
    throw unknownMunicipality();
  }
  const map: Record<string, string> = {
    municipalityCode: 'municipality_code', language: 'language', languageOther: 'language_other', interpreterNeeded: 'interpreter_needed',
    plainLanguage: 'plain_language', preferredChannel: 'preferred_channel', nonDisclosure: 'non_disclosure', address: 'address', phone: 'phone', email: 'email',
  };
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && map[k]) values[map[k]] = v;
  if (Object.keys(values).length > 0) await repo.updateClientRow(tx, id, values);
  return getClient(tx, actor, id, { audited: true });
}

/** Puts two clients in one household (a family as one unit of work); both must be visible to the caller. */
export async function joinHousehold(tx: Tx, actor: Actor, id: string, withClientId: string, name?: string) {
  requireProfessional(actor);
  await requireClientAccess(tx, actor, id, { action: 'client.household', category: 'contact' });
  await requireClientAccess(tx, actor, withClientId, { action: 'client.household', category: 'contact' });
  const [a, b] = [await repo.getClientRow(tx, id), await repo.getClientRow(tx, withClientId)];
  let householdId = a?.household_id ?? b?.household_id ?? null;
  if (!householdId) householdId = await repo.insertHousehold(tx, { countyCode: actor.countyCode, organizationId: actor.organizationId, name: name ?? `Perhe ${a?.last_name ?? ''}`.trim(), createdBy: actor.userId });
  await repo.updateClientRow(tx, id, { household_id: householdId });
  await repo.updateClientRow(tx, withClientId, { household_id: householdId });
  return getClient(tx, actor, id, { audited: true });
}

/** A client row as a list item (also the caseload's rows, guidance.service.ts). */
export function toListItem(r: { id: string; first_name: string; last_name: string; birth_date: string; identity_code: string | null; municipality_name: string | null; level: string; segment: string | null }): ClientListItem {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date),
    identityCodeMasked: maskIdentityCode(r.identity_code),
    municipalityName: r.municipality_name,
    level: r.level as Level,
    segment: r.segment as ClientListItem['segment'],
  };
}

/** Search by name among the clients the caller may see (their organisation's active relationships). */
export async function searchClients(tx: Tx, actor: Actor, q: string | undefined, limit: number): Promise<{ items: ClientListItem[] }> {
  if (actor.role === 'client') {
    if (!actor.clientId) return { items: [] };
    const me = await getClient(tx, actor, actor.clientId);
    return { items: [{ id: me.id, firstName: me.firstName, lastName: me.lastName, birthDate: me.birthDate, age: me.age, identityCodeMasked: me.identityCodeMasked, municipalityName: me.municipalityName, level: null, segment: null }] };
  }
  if (!isProfessional(actor.role)) return { items: [] };
  const rows = await repo.searchVisibleClients(tx, actor.organizationId, q, limit);
  await recordAudit(tx, actor, { action: 'client.search', basis: 'client-relationship', allowed: true, details: { q: q ?? '', count: rows.length } });
  return { items: rows.map(toListItem) };
}
