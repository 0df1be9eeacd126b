import type { z } from 'zod';
import type { Tx } from '../../db/schema.js';
import type { CreateSelfAssessmentRequest } from '../../contracts/clients.contracts.js';
import type { MeAccessLog, MeGiveConsentRequest, MeOverview, MeWorker } from '../../contracts/portal.contracts.js';
import { AccessDeniedError, clientAccessLog, requireClientAccess, resolveAccess } from '../access/index.js';
import { recordSelfAssessment, selfAssessmentHistory } from '../assessment/index.js';
import { recordAudit } from '../audit/index.js';
import { ageOn } from '../clients/index.js';
import { giveConsent, listConsents, revokeConsent } from '../consents/index.js';
import { clientTasks } from '../followup/index.js';
import { confirmByClient, myHandovers as handoversForClient } from '../handover/index.js';
import type { Actor } from '../identity/actor.js';
import { listClientMeetings } from '../meetings/index.js';
import { getClientPath } from '../path/index.js';
import { getClientPlanVersion } from '../plans/index.js';
import { listClientReferrals } from '../referrals/index.js';
import { relationshipsOf } from '../relationships/index.js';
import { AppError, notFound, type Lang } from '../shared/errors.js';
import * as repo from './portal.repository.js';
import { describeAction, describeBasis, isClientsTask, isShownInAccessLog } from './portal.rules.js';

const birthDay = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
const fullName = (p: repo.PersonRow) => `${p.first_name} ${p.last_name}`;

/**
 * Whose data this request is about: the client themself, or a child the client is the guardian of
 * (under 18). The guardian then acts for the child in the portal: the subject carries the child's
 * id and the guardian's own (guardianClientId), so every module's access check resolves the
 * 'guardian' basis in resolveAccess (re-checked there on every request) and audits it as such.
 */
export async function subjectOf(tx: Tx, actor: Actor, requested: string | undefined, now = new Date()): Promise<Actor> {
  if (actor.role !== 'client' || !actor.clientId) throw notFound();
  if (!requested || requested === actor.clientId) return actor;
  const request = { action: 'portal.act-as-guardian', resource: 'client' };
  const grant = await resolveAccess(tx, actor, requested, now);
  if (grant?.basis !== 'guardian') throw new AccessDeniedError(actor, requested, request);
  await recordAudit(tx, actor, { ...request, clientId: requested, basis: grant.basis, allowed: true });
  return { ...actor, clientId: requested, guardianClientId: actor.clientId };
}

const own = (subject: Actor) => subject.clientId!;

export async function overview(tx: Tx, actor: Actor, now = new Date()): Promise<MeOverview> {
  const me = await repo.clientPerson(tx, own(actor));
  if (!me) throw notFound();
  await requireClientAccess(tx, actor, me.id, { action: 'portal.overview', resource: 'client' });
  const children = (await repo.childrenOfGuardian(tx, me.id)).filter((c) => ageOn(birthDay(c.birth_date), now) < 18);
  return {
    me: { clientId: me.id, name: fullName(me) },
    children: children.map((c) => ({ clientId: c.id, name: fullName(c) })),
    organizations: await repo.organizationsOnPath(tx, me.id),
  };
}

const noWorker = () =>
  new AppError(404, 'no_worker', {
    fi: 'Sinulle ei ole vielä nimetty omatyöntekijää. Voit soittaa asiakasohjaukseen.',
    sv: 'Du har ännu ingen kontaktperson. Du kan ringa klientstyrningen.',
    en: 'You do not have a named worker yet. You can call client guidance.',
  });

/** The coordinating relationship's named worker and backup, and the other organisations' workers. */
export async function myWorker(tx: Tx, subject: Actor): Promise<MeWorker> {
  await requireClientAccess(tx, subject, own(subject), { action: 'portal.worker', category: 'plan', resource: 'client_relationships' });
  const rels = (await relationshipsOf(tx, own(subject))).filter((r) => r.responsible);
  const main = rels[0];
  if (!main?.responsible) throw noWorker();
  const w = main.responsible;
  const contact = (x: NonNullable<typeof main.backup>) => ({ name: x.name, title: x.title ?? null, phone: x.phone ?? null, email: x.email ?? null });
  return {
    name: w.name,
    ...(w.phone ? { phone: w.phone } : {}),
    organization: main.unitName ? `${main.organization.name}, ${main.unitName}` : main.organization.name,
    title: w.title ?? null,
    email: w.email ?? null,
    organizationPhone: main.organization.phone ?? null,
    backup: main.backup ? contact(main.backup) : null,
    others: rels.slice(1).map((r) => ({ ...contact(r.responsible!), organization: r.organization.name })),
  };
}

export const myPlan = (tx: Tx, subject: Actor, lang: Lang) => getClientPlanVersion(tx, subject, own(subject), lang, 'portal.plan');
export const myReferrals = (tx: Tx, subject: Actor) => listClientReferrals(tx, subject, own(subject));
export const myPath = (tx: Tx, subject: Actor) => getClientPath(tx, subject, own(subject));
export const mySelfAssessments = (tx: Tx, subject: Actor, lang: Lang) => selfAssessmentHistory(tx, subject, own(subject), lang);
export const myConsents = (tx: Tx, subject: Actor, lang: Lang) => listConsents(tx, subject, own(subject), lang);

/** recordSelfAssessment marks a client's own entry as filled by the client; the portal adds nothing. */
export const addSelfAssessment = (tx: Tx, subject: Actor, input: z.output<typeof CreateSelfAssessmentRequest>, lang: Lang) =>
  recordSelfAssessment(tx, subject, own(subject), input, lang);

/** Upcoming meetings first, then the latest held ones (their minutes wait for the client's approval). */
export async function myMeetings(tx: Tx, subject: Actor, now = new Date()) {
  const { items } = await listClientMeetings(tx, subject, own(subject));
  const dayAgo = now.getTime() - 86_400_000;
  const upcoming = items.filter((m) => m.status === 'planned' && new Date(m.startsAt).getTime() >= dayAgo).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items.filter((m) => m.status === 'held').sort((a, b) => b.startsAt.localeCompare(a.startsAt)).slice(0, 5);
  return { upcoming, past };
}

export async function myTasks(tx: Tx, subject: Actor, now = new Date()) {
  const person = await repo.clientPerson(tx, own(subject));
  const { items } = await clientTasks(tx, subject, own(subject), now);
  const me = { userId: subject.userId, fullName: person ? fullName(person) : '' };
  return { items: items.filter((t) => isClientsTask(t, me)) };
}

export function giveMyConsent(tx: Tx, subject: Actor, actor: Actor, input: MeGiveConsentRequest, now = new Date()) {
  const asGuardian = !!subject.guardianClientId;
  return giveConsent(tx, subject, own(subject), {
    recipientOrganizationIds: input.recipientOrganizationIds, recipientSectors: [], dataCategories: input.dataCategories,
    purpose: input.purpose, validUntil: input.validUntil, givenBy: asGuardian ? 'guardian' : 'client',
    givenByName: actor.displayName, method: 'electronic',
  }, now);
}

export const myHandovers = (tx: Tx, subject: Actor) => handoversForClient(tx, subject, own(subject));

/**
 * The client (or the guardian for their child) confirms a warm handover in Oma polku. The handover
 * must be the subject's own (otherwise 404); the rules of confirmByClient apply (409 until ready).
 */
export async function confirmMyHandover(tx: Tx, subject: Actor, handoverId: string) {
  await confirmByClient(tx, subject, handoverId, 'portal');
  const mine = await handoversForClient(tx, subject, own(subject));
  const item = mine.items.find((h) => h.id === handoverId);
  if (!item) throw notFound();
  return item;
}

export const revokeMyConsent = (tx: Tx, subject: Actor, consentId: string, reason: string | undefined) => revokeConsent(tx, subject, consentId, reason);

/** Who has viewed or received the client's data and why, the last two years, in plain words. */
export async function myAccessLog(tx: Tx, subject: Actor, lang: Lang): Promise<MeAccessLog> {
  const { items } = await clientAccessLog(tx, subject, own(subject));
  return {
    items: items
      .filter((i) => isShownInAccessLog(i.basis))
      .map((i) => ({ ...i, what: describeAction(i.action, lang), why: describeBasis(i.basis, i.allowed, lang) })),
  };
}
