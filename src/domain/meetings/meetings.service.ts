import type { Tx } from '../../db/schema.js';
import type { Sector } from '../catalog/catalog.types.js';
import type { CreateMeetingRequest, MeetingDetail, RecordMinutesRequest } from '../../contracts/meetings.contracts.js';
import { isUuid, requireClientAccess } from '../access/index.js';
import { finnishDate, insertContact, insertTask, organizationSectors, resolveOwner, tasksOfMeeting, usersByIds } from '../followup/index.js';
import type { Actor } from '../identity/actor.js';
import { isProfessional } from '../identity/roles.js';
import { recordPathEvent } from '../path/index.js';
import { AppError, badRequest, forbidden, notFound, type Lang } from '../shared/errors.js';
import * as repo from './meetings.repository.js';
import { addDecisionsToPlan, decisionResponsible } from './meetings.plan.js';
import { clientChecklist, decisionProblems, DEFAULT_AGENDA, meetingPhase } from './meetings.rules.js';

const METHOD_FI: Record<string, string> = {
  'network-meeting': 'Verkostopalaveri',
  'family-group-conference': 'Perheneuvonpito',
  'open-dialogue': 'Avoin dialogi',
  'expert-group': 'Asiantuntijaryhmä',
  'assessment-meeting': 'Arviointitapaaminen',
};

function requireWorker(actor: Actor) {
  if (!isProfessional(actor.role)) throw forbidden();
}

/** Loads a meeting and checks access to its client; a missing meeting and a refusal look the same (404). */
async function meetingWithAccess(tx: Tx, actor: Actor, id: string, action: string) {
  if (!isUuid(id)) throw notFound();
  const meeting = await repo.findMeeting(tx, id);
  if (!meeting) throw notFound();
  await requireClientAccess(tx, actor, meeting.client_id, { action, category: 'plan', resource: 'meeting', resourceId: id });
  return meeting;
}

const badParticipant = badRequest('unknown_participant', {
  fi: 'Kutsuttavien joukossa on tuntematon käyttäjä tai organisaatio.',
  sv: 'Bland de inbjudna finns en okänd användare eller organisation.',
  en: 'An invitee refers to an unknown user or organisation.',
});

/** Prepares a meeting with the client: network map, invitees, method, place, time and the client's own questions. */
export async function createMeeting(tx: Tx, actor: Actor, clientId: string, input: CreateMeetingRequest, lang: Lang): Promise<{ id: string }> {
  requireWorker(actor);
  await requireClientAccess(tx, actor, clientId, { action: 'meeting.create', category: 'plan', resource: 'meeting' });
  const client = (await repo.clientRow(tx, clientId))!;
  const users = await usersByIds(tx, input.participants.flatMap((p) => (p.userId ? [p.userId] : [])));
  const orgs = await repo.organizationsExist(tx, input.participants.flatMap((p) => (p.organizationId ? [p.organizationId] : [])));
  const participants = input.participants.map((p) => {
    const user = p.userId ? users.get(p.userId) : undefined;
    if ((p.userId && !user) || (p.organizationId && !orgs.has(p.organizationId))) throw badParticipant;
    return { name: p.name, role: p.role, kind: p.kind, userId: user?.id ?? null, organizationId: p.organizationId ?? user?.organization_id ?? null };
  });
  const startsAt = new Date(input.startsAt);
  const id = await repo.insertMeeting(tx, {
    countyCode: client.county_code,
    organizationId: actor.organizationId,
    clientId,
    startsAt,
    durationMinutes: input.durationMinutes,
    place: input.place ?? '',
    method: input.method,
    purpose: input.purpose ?? '',
    agenda: input.agenda?.length ? input.agenda : DEFAULT_AGENDA[lang],
    clientQuestions: input.clientQuestions,
    networkMap: input.networkMap.map((e) => ({ ...e, organizationId: e.organizationId ?? null, note: e.note ?? null })),
    chairName: input.chairName ?? null,
    noteTakerName: input.noteTakerName ?? null,
    createdBy: actor.userId,
  });
  await repo.insertParticipants(tx, id, clientId, client.county_code, participants);
  const sectors = await organizationSectors(tx, [actor.organizationId, ...participants.map((p) => p.organizationId)]);
  await recordPathEvent(tx, {
    clientId,
    countyCode: client.county_code,
    organizationId: actor.organizationId,
    phase: 'assessment',
    kind: 'meeting',
    at: new Date(),
    title: `${METHOD_FI[input.method]} sovittu ${finnishDate(startsAt)}`,
    description: input.purpose ?? null,
    sectors: sectors as Sector[],
    interfaceNote: sectors.length > 1 ? `Kutsuttu ${participants.length} osallistujaa eri organisaatioista` : null,
    ref: { type: 'meeting', id },
    createdBy: actor.userId,
  });
  return { id };
}

export async function getMeeting(tx: Tx, actor: Actor, id: string): Promise<MeetingDetail> {
  const m = await meetingWithAccess(tx, actor, id, 'meeting.read');
  return detail(tx, m);
}

async function detail(tx: Tx, m: repo.MeetingRow): Promise<MeetingDetail> {
  const [participants, tasks, client] = await Promise.all([repo.participantsOf(tx, m.id), tasksOfMeeting(tx, m.id), repo.clientRow(tx, m.client_id)]);
  return {
    id: m.id,
    clientId: m.client_id,
    clientName: client ? `${client.first_name} ${client.last_name}` : '',
    organizationId: m.organization_id,
    startsAt: new Date(m.starts_at).toISOString(),
    durationMinutes: m.duration_minutes,
    place: m.place,
    method: m.method as MeetingDetail['method'],
    status: m.status as MeetingDetail['status'],
    purpose: m.purpose,
    agenda: m.agenda,
    clientQuestions: m.client_questions,
    networkMap: (typeof m.network_map === 'string' ? JSON.parse(m.network_map) : m.network_map) as MeetingDetail['networkMap'],
    participants: participants.map((p) => ({ id: p.id, name: p.name, role: p.role, kind: p.kind, userId: p.user_id, organizationId: p.organization_id, organizationName: p.organization_name })),
    participantCount: participants.length,
    chairName: m.chair_name,
    noteTakerName: m.note_taker_name,
    minutesSummary: m.minutes_summary,
    feedbackRound: m.feedback_round,
    clientChecklist: m.client_checklist,
    minutesRecorded: m.minutes_recorded_at !== null,
    minutesRecordedAt: m.minutes_recorded_at ? new Date(m.minutes_recorded_at).toISOString() : null,
    clientApproved: m.client_approved_at !== null,
    clientApprovedAt: m.client_approved_at ? new Date(m.client_approved_at).toISOString() : null,
    clientApprovalNote: m.client_approval_note,
    decisions: tasks.map((t) => ({ id: t.id, title: t.title, ownerName: t.owner_name, ownerUserId: t.owner_user_id, due: t.due, status: t.status as 'open' | 'done' | 'not-done', planActionId: t.plan_action_id })),
  };
}

/**
 * Records the minutes: the summary, each decision as a task (who does what by when, optionally
 * linked to an existing plan action or added to the plan as a new action — a new plan version), the feedback round and the client's checklist. The meeting becomes
 * held, counts as a contact with the client and is a step on the path with the participants' sectors.
 */
export async function recordMinutes(tx: Tx, actor: Actor, id: string, input: RecordMinutesRequest, now = new Date()) {
  requireWorker(actor);
  const m = await meetingWithAccess(tx, actor, id, 'meeting.minutes');
  if (m.minutes_recorded_at) {
    throw new AppError(409, 'minutes_recorded', { fi: 'Muistio on jo kirjattu.', sv: 'Minnesanteckningarna är redan införda.', en: 'The minutes are already recorded.' });
  }
  const meetingDate = finnishDate(new Date(m.starts_at));
  input.decisions.forEach((d, i) => {
    const problems = decisionProblems(d, meetingDate);
    if (problems.length === 0) return;
    throw badRequest('invalid_decision', {
      fi: `Päätös ${i + 1}: ${problems.includes('responsible') ? 'kerro kuka tekee' : ''}${problems.length > 1 ? ' ja ' : ''}${problems.includes('due') ? 'määräpäivä ei voi olla ennen palaveria' : ''}.`,
      sv: `Beslut ${i + 1}: ${problems.includes('responsible') ? 'ange vem som gör det' : ''}${problems.length > 1 ? ' och ' : ''}${problems.includes('due') ? 'sista dagen kan inte vara före mötet' : ''}.`,
      en: `Decision ${i + 1}: ${problems.includes('responsible') ? 'say who does it' : ''}${problems.length > 1 ? ' and ' : ''}${problems.includes('due') ? 'the due date cannot be before the meeting' : ''}.`,
    }, { decision: i, problems });
  });
  const validActions = await repo.planActionsOfClient(tx, m.client_id, input.decisions.flatMap((d) => (d.planActionId ? [d.planActionId] : [])));
  if (input.decisions.some((d) => d.planActionId && !validActions.has(d.planActionId))) {
    throw badRequest('unknown_plan_action', { fi: 'Suunnitelman toimenpidettä ei löytynyt.', sv: 'Planens åtgärd hittades inte.', en: 'The plan action was not found.' });
  }
  if (input.decisions.some((d) => d.planActionId && d.addToPlan)) {
    throw badRequest('plan_action_twice', {
      fi: 'Valitse joko olemassa oleva suunnitelman toimenpide tai uusi toimenpide, ei molempia.',
      sv: 'Välj antingen en befintlig åtgärd i planen eller en ny åtgärd, inte båda.',
      en: 'Choose either an existing plan action or a new one, not both.',
    });
  }
  const participants = await repo.participantsOf(tx, m.id);
  const clientNames = new Set(participants.filter((p) => p.kind === 'client').map((p) => p.name));
  const owners: Awaited<ReturnType<typeof resolveOwner>>[] = [];
  for (const d of input.decisions) owners.push(await resolveOwner(tx, d.responsibleUserId, d.responsibleName));
  // The plan is updated from the decisions: new actions first (one new plan version), then the tasks link to them.
  const toPlan = input.decisions.flatMap((d, i) => (d.addToPlan ? [{ i, title: d.what, due: d.due, owner: owners[i]!, responsible: decisionResponsible(owners[i]!, participants) }] : []));
  const planUpdate = await addDecisionsToPlan(tx, actor, m.client_id, toPlan);
  const planActionOf = new Map(toPlan.map((d, k) => [d.i, planUpdate.actionIds[k]!]));
  const tasks: { id: string; what: string; ownerName: string; ownerUserId: string | null; due: string; planActionId: string | null; ownerOrg: string | null }[] = [];
  for (const [i, d] of input.decisions.entries()) {
    const owner = owners[i]!;
    const planActionId = d.planActionId ?? planActionOf.get(i) ?? null;
    const taskId = await insertTask(tx, {
      countyCode: m.county_code,
      organizationId: actor.organizationId,
      clientId: m.client_id,
      title: d.what,
      ...owner,
      due: d.due,
      source: 'meeting',
      meetingId: m.id,
      position: i,
      planActionId,
      createdBy: actor.userId,
    });
    tasks.push({ id: taskId, what: d.what, ownerName: owner.ownerName, ownerUserId: owner.ownerUserId, due: d.due, planActionId, ownerOrg: owner.ownerOrganizationId });
  }
  const checklist = input.clientChecklist?.length
    ? input.clientChecklist
    : clientChecklist(tasks.map((t) => ({ what: t.what, ownerName: t.ownerName, due: t.due, isClient: clientNames.has(t.ownerName) })), []);
  await repo.saveMinutes(tx, m.id, {
    summary: input.summary,
    feedbackRound: input.feedbackRound ?? null,
    checklist,
    chairName: input.chairName ?? m.chair_name,
    noteTakerName: input.noteTakerName ?? m.note_taker_name,
    recordedBy: actor.userId,
    at: now,
  });
  await insertContact(tx, { countyCode: m.county_code, organizationId: actor.organizationId, clientId: m.client_id, userId: actor.userId, at: new Date(Math.min(now.getTime(), new Date(m.starts_at).getTime())), channel: 'meeting', note: null });
  const sectors = await organizationSectors(tx, [m.organization_id, ...participants.map((p) => p.organization_id), ...tasks.map((t) => t.ownerOrg)]);
  const earlier = await repo.hasEarlierHeldMeeting(tx, m.client_id, new Date(m.starts_at), m.id);
  await recordPathEvent(tx, {
    clientId: m.client_id,
    countyCode: m.county_code,
    organizationId: actor.organizationId,
    phase: meetingPhase('held', earlier),
    kind: 'meeting',
    at: new Date(m.starts_at),
    title: `${METHOD_FI[m.method] ?? 'Verkostopalaveri'} pidetty: ${tasks.length} sovittua tehtävää`,
    description: input.summary.slice(0, 500),
    sectors: sectors as Sector[],
    interfaceNote: sectors.length > 1 ? 'Kuka tekee mitä ja milloin sovittiin yhdessä verkoston kanssa' : null,
    ref: { type: 'meeting', id: m.id },
    createdBy: actor.userId,
  });
  return {
    id: m.id,
    tasks: tasks.map((t) => ({ id: t.id, title: t.what, ownerName: t.ownerName, ownerUserId: t.ownerUserId, due: t.due, status: 'open' as const, planActionId: t.planActionId })),
    planVersion: planUpdate.version,
  };
}

/** The client approves the minutes: themself in the portal, or the worker records the approval given in the meeting. */
export async function approveMinutes(tx: Tx, actor: Actor, id: string, note: string | undefined, now = new Date()) {
  const m = await meetingWithAccess(tx, actor, id, 'meeting.approve');
  if (!m.minutes_recorded_at) {
    throw new AppError(409, 'no_minutes', { fi: 'Muistiota ei ole vielä kirjattu.', sv: 'Minnesanteckningarna har inte förts in ännu.', en: 'The minutes have not been recorded yet.' });
  }
  if (!m.client_approved_at) await repo.approveMinutes(tx, m.id, now, note?.trim() || (actor.role === 'client' ? 'Hyväksytty Oma polku -palvelussa' : null));
  return detail(tx, (await repo.findMeeting(tx, m.id))!);
}

export async function listClientMeetings(tx: Tx, actor: Actor, clientId: string) {
  await requireClientAccess(tx, actor, clientId, { action: 'meeting.list', category: 'plan', resource: 'meeting' });
  return { items: (await repo.meetingsOfClient(tx, clientId)).map(toSummary) };
}

export async function myMeetings(tx: Tx, actor: Actor, now = new Date()) {
  requireWorker(actor);
  const rows = await repo.meetingsOfUser(tx, actor.userId, new Date(now.getTime() - 30 * 86_400_000));
  return { items: rows.map(toSummary) };
}

function toSummary(r: Awaited<ReturnType<typeof repo.meetingsOfClient>>[number]) {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: `${r.first_name} ${r.last_name}`,
    startsAt: new Date(r.starts_at).toISOString(),
    place: r.place,
    method: r.method as MeetingDetail['method'],
    status: r.status as MeetingDetail['status'],
    participantCount: Number(r.participant_count ?? 0),
    minutesRecorded: r.minutes_recorded_at !== null,
    clientApproved: r.client_approved_at !== null,
  };
}

export async function meetingClientOptions(tx: Tx, actor: Actor) {
  requireWorker(actor);
  const rows = await repo.clientsOfOrganization(tx, actor.organizationId, actor.userId);
  const seen = new Set<string>();
  return {
    items: rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({ id: r.id, name: `${r.first_name} ${r.last_name}`, level: r.level })),
  };
}

/** What the preparation form starts from: the seed's agenda, the client, the known workers and close ones. */
export async function meetingDefaults(tx: Tx, actor: Actor, clientId: string, lang: Lang) {
  requireWorker(actor);
  await requireClientAccess(tx, actor, clientId, { action: 'meeting.prepare', category: 'contact', resource: 'meeting' });
  const client = (await repo.clientRow(tx, clientId))!;
  const workers = await repo.workersAroundClient(tx, clientId);
  const closeOnes = await repo.closeOnesOf(tx, clientId);
  const uniqueWorkers = [...new Map(workers.map((w) => [w.id, w])).values()];
  return {
    agenda: DEFAULT_AGENDA[lang],
    clientName: `${client.first_name} ${client.last_name}`,
    suggestedParticipants: [
      { name: `${client.first_name} ${client.last_name}`, role: lang === 'fi' ? 'asiakas' : lang === 'sv' ? 'klient' : 'client', kind: 'client' as const },
      ...uniqueWorkers.map((w) => ({
        name: w.display_name,
        role: w.title ?? '',
        kind: (w.sector === 'ngo' ? 'ngo-worker' : 'professional') as 'ngo-worker' | 'professional',
        userId: w.id,
        organizationId: w.organization_id,
      })),
    ],
    networkMap: [
      ...closeOnes.map((c) => ({ name: c.name, relation: c.relation, group: 'close-one' as const })),
      ...uniqueWorkers.map((w) => ({ name: w.display_name, relation: `${w.title ?? ''}, ${w.organization_name}`, group: (w.sector === 'ngo' ? 'ngo-worker' : 'professional') as 'ngo-worker' | 'professional', organizationId: w.organization_id })),
    ],
  };
}
