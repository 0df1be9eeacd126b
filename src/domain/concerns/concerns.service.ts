import type { z } from 'zod';
import type { Tx } from '../../db/schema.js';
import type { Concern, CreateConcernRequest } from '../../contracts/clients.contracts.js';
import { isUuid, requireClientAccess, resolveAccess } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { Sector } from '../catalog/catalog.types.js';
import { activeRelationship, findPossibleDuplicates, getClientRow, isChild, registerClient, requireProfessional } from '../clients/index.js';
import type { Actor } from '../identity/actor.js';
import { isProfessional } from '../identity/roles.js';
import { recordPathEvent } from '../path/index.js';
import { insertRelationship } from '../relationships/index.js';
import { badRequest, forbidden, notFound, type Messages } from '../shared/errors.js';
import * as repo from './concerns.repository.js';
import { compareInbox, concernProblem, concernTitle, goesToSocialServices, INBOX_ROLES, initialStatus, type ConcernProblem } from './concerns.rules.js';

type CreateInput = z.output<typeof CreateConcernRequest>;

const PROBLEMS: Record<ConcernProblem, Messages> = {
  'advice-missing': { fi: 'Kirjaa, mitä neuvontaa annoit.', sv: 'Skriv vilken rådgivning du gav.', en: 'Record the advice you gave.' },
  'consent-missing': {
    fi: 'Yhteydenotto suostumuksella vaatii asiakkaan suostumuksen. Valitse muuten ilmoitusvelvollisuus ja kirjaa peruste.',
    sv: 'Kontakt med samtycke kräver klientens samtycke. Välj annars anmälningsskyldighet och ange grunden.',
    en: 'A contact with consent needs the client’s consent. Otherwise choose the duty to notify and record the reason.',
  },
  'duty-reason-missing': {
    fi: 'Kirjaa, miksi ilmoitusvelvollisuus koskee tilannetta ilman suostumusta.',
    sv: 'Ange varför anmälningsskyldigheten gäller utan samtycke.',
    en: 'Record why the duty to notify applies without consent.',
  },
  'not-a-child': {
    fi: 'Lastensuojeluilmoitus tehdään vain alle 18-vuotiaasta. Valitse yhteydenotto sosiaalipalveluihin.',
    sv: 'Barnskyddsanmälan gäller bara personer under 18 år. Välj kontakt med socialtjänsten.',
    en: 'A child-protection notification is only for a person under 18. Choose a contact to social services.',
  },
  'child-needs-notification': { fi: 'Valitse lastensuojeluilmoitus.', sv: 'Välj barnskyddsanmälan.', en: 'Choose a child-protection notification.' },
};

/** Finds the person's record without telling the caller whether one existed, or registers them. */
async function resolvePerson(tx: Tx, actor: Actor, input: CreateInput): Promise<string> {
  if (input.clientId) {
    await requireClientAccess(tx, actor, input.clientId, { action: 'concern.create', category: 'social', resource: 'concern' });
    return input.clientId;
  }
  const p = input.person!;
  if (actor.role === 'client') throw forbidden();
  const match = (await findPossibleDuplicates(tx, actor.countyCode, { lastName: p.lastName, birthDate: p.birthDate, identityCode: null })).find(
    (r) => r.first_name.toLowerCase().split(/[\s-]/)[0] === p.firstName.toLowerCase().split(/[\s-]/)[0],
  );
  if (match) return match.id;
  const created = await registerClient(tx, actor, {
    ...p, language: 'fi', interpreterNeeded: false, plainLanguage: false, preferredChannel: 'in-person', nonDisclosure: false, closeOnes: [], confirmNotDuplicate: true,
  });
  return created.id;
}

/** Records a concern and routes it. Any professional, an NGO worker or the client themself may raise one. */
export async function raiseConcern(tx: Tx, actor: Actor, input: CreateInput): Promise<Concern> {
  if (!isProfessional(actor.role) && actor.role !== 'client') throw forbidden();
  if (actor.role === 'client' && input.clientId !== actor.clientId) throw notFound();
  const clientId = await resolvePerson(tx, actor, input);
  const client = (await getClientRow(tx, clientId))!;
  const problem = concernProblem(input, isChild(client.birth_date));
  if (problem) throw badRequest(`concern_${problem.replaceAll('-', '_')}`, PROBLEMS[problem]);

  const target = goesToSocialServices(input.route) ? await repo.socialServicesOrganization(tx, actor.countyCode) : null;
  const id = await repo.insertConcern(tx, {
    clientId,
    countyCode: actor.countyCode,
    organizationId: actor.organizationId,
    raisedBy: actor.userId,
    noticedByRole: input.noticedBy.role,
    noticedBySector: actor.role === 'client' ? null : actor.organizationSector,
    noticedByName: input.noticedBy.name ?? null,
    what: input.what,
    urgency: input.urgency,
    route: input.route,
    consentGiven: input.consentGiven,
    dutyReason: input.dutyReason ?? null,
    adviceGiven: input.adviceGiven ?? null,
    toOrganizationId: target?.id ?? null,
    status: initialStatus(input.route),
  });
  await recordAudit(tx, actor, {
    action: 'concern.create', clientId, resource: 'concern', resourceId: id, allowed: true,
    basis: input.route === 'shl35-duty' ? 'statutory:shl35' : input.route === 'child-protection' ? 'statutory:lsl25' : 'concern',
  });
  const sectors = [(actor.role === 'client' ? 'wellbeing-county' : actor.organizationSector) as Sector, ...(target ? ['wellbeing-county' as Sector] : [])];
  await recordPathEvent(tx, {
    clientId, countyCode: actor.countyCode, organizationId: actor.organizationId, phase: 'concern', kind: 'concern',
    title: concernTitle(input.route), description: input.what, sectors, ref: { type: 'concern', id }, createdBy: actor.userId,
  });
  return toConcern((await repo.getConcern(tx, id))!, !!(await resolveAccess(tx, actor, clientId)));
}

export async function listClientConcerns(tx: Tx, actor: Actor, clientId: string) {
  await requireClientAccess(tx, actor, clientId, { action: 'concern.list', category: 'social', resource: 'concern' });
  return { items: (await repo.concernsOfClient(tx, clientId)).map((r) => toConcern(r, true)) };
}

/** What the caller has raised, with whether social services have received it. */
export async function listRaisedConcerns(tx: Tx, actor: Actor) {
  const rows = await repo.concernsRaisedBy(tx, actor.userId);
  const items = [];
  for (const r of rows) items.push(toConcern(r, !!(await resolveAccess(tx, actor, r.client_id))));
  return { items };
}

function requireInboxRole(actor: Actor) {
  if (!(INBOX_ROLES as readonly string[]).includes(actor.role)) throw forbidden();
}

/** The social-services inbox: contacts and notifications to the caller's organisation, urgent first. */
export async function inbox(tx: Tx, actor: Actor) {
  requireInboxRole(actor);
  const rows = (await repo.inboxOf(tx, actor.organizationId)).sort(compareInbox);
  // The contact itself is the legal basis for social services to see what it says (SHL 35 §).
  for (const r of rows) await recordAudit(tx, actor, { action: 'concern.inbox-read', clientId: r.client_id, resource: 'concern', resourceId: r.id, basis: 'statutory:shl35', allowed: true });
  return { items: rows.map((r) => toConcern(r, true)) };
}

/** Social services acknowledge the contact: the raiser sees it was received, and a relationship opens for assessment. */
export async function receiveConcern(tx: Tx, actor: Actor, id: string, note: string | null) {
  requireProfessional(actor);
  requireInboxRole(actor);
  const row = isUuid(id) ? await repo.getConcern(tx, id) : undefined;
  if (!row || row.to_organization_id !== actor.organizationId) throw notFound();
  if (row.status !== 'received') {
    await repo.markReceived(tx, id, actor.userId, note);
    if (!(await activeRelationship(tx, row.client_id, actor.organizationId))) {
      await insertRelationship(tx, {
        clientId: row.client_id, organizationId: actor.organizationId, countyCode: actor.countyCode, unitId: actor.unitId,
        level: 'neuvonta-ja-ohjaus', responsibleUserId: actor.userId, createdBy: actor.userId,
      });
    }
    await recordAudit(tx, actor, { action: 'concern.receive', clientId: row.client_id, resource: 'concern', resourceId: id, basis: 'statutory:shl35', allowed: true });
    await recordPathEvent(tx, {
      clientId: row.client_id, countyCode: actor.countyCode, organizationId: actor.organizationId, phase: 'concern', kind: 'concern-received',
      title: 'Sosiaalipalvelut vastaanottivat yhteydenoton', description: note, sectors: ['wellbeing-county'], ref: { type: 'concern', id }, createdBy: actor.userId,
    });
  }
  return toConcern((await repo.getConcern(tx, id))!, true);
}

function toConcern(r: repo.ConcernRow, mayShowClient: boolean): Concern {
  return {
    id: r.id,
    clientId: mayShowClient ? r.client_id : null,
    clientName: `${r.first_name} ${r.last_name}`,
    clientBirthDate: r.birth_date,
    noticedByRole: r.noticed_by_role,
    noticedByName: r.noticed_by_name,
    raisedByOrganization: r.raised_by_org,
    what: r.what,
    urgency: r.urgency,
    route: r.route,
    consentGiven: r.consent_given,
    dutyReason: r.duty_reason,
    adviceGiven: r.advice_given,
    toOrganization: r.to_org,
    status: r.status,
    receivedAt: r.received_at ? new Date(r.received_at).toISOString() : null,
    receivedByName: r.received_by_name,
    at: new Date(r.at).toISOString(),
  };
}
