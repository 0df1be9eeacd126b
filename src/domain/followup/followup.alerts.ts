import type { Tx } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import type { Lang } from '../shared/errors.js';
import * as repo from './followup.repository.js';
import {
  addDays,
  byUrgency,
  deadlineAlertDue,
  finnishDate,
  mergeSettings,
  noContactFor,
  referralStuck,
  statutoryDeadline,
  type AlertType,
  type FollowupSettings,
} from './followup.rules.js';
import { requireWorker, toTask } from './followup.service.js';

export interface Alert {
  type: AlertType;
  title: string;
  clientId: string | null;
  clientName: string | null;
  since: string | null;
  due: string | null;
  refType: string | null;
  refId: string | null;
  count: number | null;
  limit: number | null;
}

const T = {
  taskOverdue: { fi: 'Tehtävä myöhässä', sv: 'Uppgiften är försenad', en: 'Task overdue' },
  notReceived: { fi: 'Lähetettä ei ole otettu vastaan', sv: 'Remissen har inte tagits emot', en: 'Referral not received' },
  notAccepted: { fi: 'Lähetettä ei ole hyväksytty', sv: 'Remissen har inte godkänts', en: 'Referral not accepted' },
  noContact: { fi: 'Ei yhteyttä tiiviin palveluohjauksen asiakkaaseen', sv: 'Ingen kontakt med klient i intensiv servicehandledning', en: 'No contact with an intensive client' },
  planReview: { fi: 'Suunnitelman tarkistus myöhässä', sv: 'Granskningen av planen är försenad', en: 'Plan review overdue' },
  inboxStuck: {
    fi: (n: number) => (n === 1 ? 'Organisaationne saapuneissa lähetteissä yksi odottaa yli määräajan' : `Organisaationne saapuneissa lähetteissä ${n} odottaa yli määräajan`),
    sv: (n: number) => (n === 1 ? 'En remiss till er organisation har väntat längre än tidsgränsen' : `${n} remisser till er organisation har väntat längre än tidsgränsen`),
    en: (n: number) => (n === 1 ? 'One referral to your organisation has waited past the time limit' : `${n} referrals to your organisation have waited past the time limit`),
  },
  caseload: { fi: 'Tiiviin palveluohjauksen asiakkaita yli suosituksen', sv: 'Fler klienter i intensiv servicehandledning än rekommenderat', en: 'Intensive caseload over the limit' },
} as const;

const alert = (a: Partial<Alert> & Pick<Alert, 'type' | 'title'>): Alert => ({
  clientId: null,
  clientName: null,
  since: null,
  due: null,
  refType: null,
  refId: null,
  count: null,
  limit: null,
  ...a,
});

/** What the alert rules read besides the records: settings in force and the county's referral time limits (one statement). */
export interface AlertSettings {
  settings: FollowupSettings;
  limits: { organization_id: string | null; not_received_days: number; not_accepted_days: number }[];
}

export async function alertSettingsFor(tx: Tx, actor: Actor): Promise<AlertSettings> {
  const { layers, limits } = await repo.alertSettingsAndLimits(tx, actor.countyCode, actor.organizationId);
  return { settings: mergeSettings(...layers), limits };
}

/**
 * Every alert of the worker, computed fresh from the records (nothing to go stale). Each source query
 * brings its client's name along, so a list of a few hundred alerts costs no extra name look-up.
 * `overdueTasks: false` leaves out the task-overdue alerts (and their read) for a caller that lists
 * overdue tasks itself.
 */
export async function computeAlerts(
  tx: Tx, actor: Actor, lang: Lang, now: Date, { settings: s, limits }: AlertSettings, { overdueTasks = true }: { overdueTasks?: boolean } = {},
): Promise<Alert[]> {
  const today = finnishDate(now);
  const out: Alert[] = [];

  // Sorted by due date, so the overdue ones are the first of the 500 open tasks the list would read.
  for (const t of overdueTasks ? await repo.tasksOfOwner(tx, actor.userId, true, today) : []) {
    if (t.due < today) out.push(alert({ type: 'task-overdue', title: `${T.taskOverdue[lang]}: ${t.title}`, clientId: t.client_id, clientName: t.client_name, since: t.due, due: t.due, refType: 'task', refId: t.id }));
  }

  // Referrals the worker sent: one alert each. Those waiting in the organisation's shared inbox: one alert
  // with their number (every worker of the organisation would otherwise get a line per referral, which
  // buried their own alerts; the inbox and the today view list them).
  const countyLimit = limits.find((l) => l.organization_id === null);
  const inboxLimit = limits.find((l) => l.organization_id === actor.organizationId) ?? countyLimit;
  const inbox = await repo.stuckIncomingReferrals(
    tx, actor.userId, actor.organizationId, today,
    inboxLimit?.not_received_days ?? s.referralNotReceivedDays, inboxLimit?.not_accepted_days ?? s.referralNotAcceptedDays,
  );
  if (inbox.n > 0) {
    out.push(alert({ type: 'referral-stuck', title: T.inboxStuck[lang](inbox.n), since: finnishDate(new Date(inbox.since!)), refType: 'referral-inbox', count: inbox.n }));
  }
  for (const r of await repo.sentReferralsWithTimeLimits(tx, actor.userId)) {
    const own = limits.find((l) => l.organization_id === r.to_organization_id) ?? countyLimit;
    const changed = finnishDate(new Date(r.status_changed_at));
    const stuck = referralStuck(
      { status: r.status, statusChangedDate: changed },
      today,
      { notReceivedDays: own?.not_received_days ?? s.referralNotReceivedDays, notAcceptedDays: own?.not_accepted_days ?? s.referralNotAcceptedDays },
    );
    if (!stuck) continue;
    const label = stuck === 'not-received' ? T.notReceived[lang] : T.notAccepted[lang];
    out.push(alert({ type: 'referral-stuck', title: `${label}: ${r.service_name}`, clientId: r.client_id, clientName: r.client_name, since: changed, refType: 'referral', refId: r.id }));
  }

  const relationships = await repo.responsibleRelationships(tx, actor.userId, today);
  const intensive = relationships.filter((r) => r.level === 'intensiivinen-palveluohjaus');
  for (const r of intensive) {
    const quiet = noContactFor([r.last_contact_at, r.last_meeting_at, r.started_at], today, s); // the caseload page decides with the same rule
    if (quiet) {
      out.push(alert({ type: 'no-contact', title: T.noContact[lang], clientId: r.client_id, clientName: r.client_name, since: quiet.last, due: addDays(quiet.last, s.intensiveContactDays), count: quiet.days, limit: s.intensiveContactDays }));
    }
  }
  const intensiveClients = new Set(intensive.map((r) => r.client_id));
  if (intensiveClients.size > s.intensiveCaseloadLimit) {
    out.push(alert({ type: 'caseload-over-limit', title: T.caseload[lang], count: intensiveClients.size, limit: s.intensiveCaseloadLimit }));
  }

  const reviewed = new Set<string>(); // a client with two relationships to the worker is one client
  for (const r of relationships) {
    if (reviewed.has(r.client_id)) continue;
    reviewed.add(r.client_id);
    for (const p of r.overdue_reviews) {
      out.push(alert({ type: 'plan-review-overdue', title: T.planReview[lang], clientId: r.client_id, clientName: r.client_name, since: p.review_date, due: p.review_date, refType: 'plan', refId: p.id }));
    }
  }

  for (const c of await repo.openStatutoryContacts(tx, actor.userId, actor.organizationId)) {
    const trigger = finnishDate(new Date(c.at));
    for (const rule of s.statutoryDeadlines) {
      const deadline = statutoryDeadline(rule, trigger);
      if (!deadlineAlertDue(deadline, today, rule.warnDaysBefore)) continue;
      out.push(alert({ type: 'statutory-deadline', title: rule.label[lang], clientId: c.client_id, clientName: c.client_name, since: trigger, due: deadline, refType: 'concern', refId: c.id }));
    }
  }

  return out.sort(byUrgency);
}

export async function myAlerts(tx: Tx, actor: Actor, lang: Lang, now = new Date()) {
  requireWorker(actor);
  const items = await computeAlerts(tx, actor, lang, now, await alertSettingsFor(tx, actor));
  await recordAudit(tx, actor, { action: 'alert.list-own', basis: 'responsible-worker', allowed: true, details: { count: items.length } });
  return { items };
}

/** The worker's "today" (Tänään): tasks, overdue, new incoming referrals, alerts, upcoming meetings. */
export async function todayView(tx: Tx, actor: Actor, lang: Lang, now = new Date()) {
  requireWorker(actor);
  const today = finnishDate(now);
  const s = await alertSettingsFor(tx, actor);
  const week = addDays(today, 7);
  // Only what the view shows (overdue, today, the coming week): a bench worker has ≈ 240 open tasks, half later.
  const tasks = await repo.tasksOfOwner(tx, actor.userId, true, addDays(week, 1));
  const referrals = await repo.incomingReferrals(tx, actor.organizationId);
  const meetings = await repo.upcomingMeetings(tx, actor.userId, actor.organizationId, new Date(`${today}T00:00:00Z`), new Date(`${addDays(today, 29)}T00:00:00Z`));
  const alerts = await computeAlerts(tx, actor, lang, now, s, { overdueTasks: false }); // overdue tasks have their own list
  const names = new Map(tasks.map((t) => [t.client_id, t.client_name])); // every row brings its client's name
  await recordAudit(tx, actor, { action: 'today.view', basis: 'responsible-worker', allowed: true, details: { tasks: tasks.length, referrals: referrals.length, meetings: meetings.length } });
  return {
    today,
    dueToday: tasks.filter((t) => t.due === today).map((t) => toTask(t, today, names)),
    overdue: tasks.filter((t) => t.due < today).map((t) => toTask(t, today, names)),
    upcoming: tasks.filter((t) => t.due > today && t.due <= week).map((t) => toTask(t, today, names)),
    incomingReferrals: referrals.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      clientName: r.client_name,
      serviceName: r.service_name,
      status: r.status,
      urgency: r.urgency,
      since: new Date(r.status_changed_at).toISOString(),
    })),
    alerts,
    meetings: meetings.map((m) => ({
      id: m.id,
      clientId: m.client_id,
      clientName: m.client_name,
      startsAt: new Date(m.starts_at).toISOString(),
      place: m.place,
      method: m.method,
    })),
    unreadNotifications: await repo.unreadNotificationCount(tx, actor.userId),
  };
}

export async function myNotifications(tx: Tx, actor: Actor) {
  const rows = await repo.notificationsOf(tx, actor.userId);
  return {
    items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, clientId: n.client_id, createdAt: new Date(n.created_at).toISOString(), read: n.read_at !== null })),
  };
}

export async function markNotificationsRead(tx: Tx, actor: Actor, ids: string[]) {
  await repo.markNotificationsRead(tx, actor.userId, ids);
  return myNotifications(tx, actor);
}
