import type { Tx } from '../../db/schema.js';
import { addDays, finnishDate } from './followup.rules.js';
import './followup.tables.js';

/** A notification as handed to a channel. In-app is the notifications table itself. */
export interface OutgoingNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  clientId: string | null;
}

/**
 * The email/SMS seam. A real channel (e.g. the county's SMS gateway) implements this; it must
 * not put client names or health data in the message, only a prompt to open Polku.
 */
export interface NotificationChannel {
  readonly name: 'email' | 'sms';
  send(n: OutgoingNotification): Promise<void>;
}

/** Development channel: writes what would have been sent to the log. */
export class LoggingChannel implements NotificationChannel {
  constructor(readonly name: 'email' | 'sms', private readonly log: (msg: string, data: Record<string, unknown>) => void = console.log) {}
  async send(n: OutgoingNotification) {
    this.log(`[${this.name}] reminder`, { userId: n.userId, kind: n.kind, title: n.title });
  }
}

type TaskState = 'due-soon' | 'due-today' | 'overdue';
const TITLES: Record<TaskState, string> = {
  'due-soon': 'Tehtävä erääntyy huomenna',
  'due-today': 'Tehtävä erääntyy tänään',
  overdue: 'Tehtävä on myöhässä',
};

/**
 * Turns due and overdue tasks and the next day's meetings into in-app notifications. Idempotent:
 * one notification per (user, task, state) thanks to the unique dedupe key, so reruns (another
 * node, a retry) add nothing. Extra channels get only what was newly inserted.
 */
export async function runReminders(tx: Tx, now: Date, channels: NotificationChannel[] = []): Promise<{ created: number }> {
  const today = finnishDate(now);
  const tomorrow = addDays(today, 1);
  const tasks = await tx
    .selectFrom('followup_tasks')
    .select(['id', 'title', 'due', 'client_id', 'owner_user_id', 'county_code', 'owner_organization_id'])
    .where('status', '=', 'open')
    .where('owner_user_id', 'is not', null)
    .where('due', '<=', tomorrow)
    .limit(5000)
    .execute();
  const outgoing: (OutgoingNotification & { dedupe: string; countyCode: string; organizationId: string | null; refType: string; refId: string })[] = [];
  for (const t of tasks) {
    const state: TaskState = t.due < today ? 'overdue' : t.due === today ? 'due-today' : 'due-soon';
    outgoing.push({ userId: t.owner_user_id!, kind: `task-${state}`, title: TITLES[state], body: t.title, clientId: t.client_id, dedupe: `task:${t.id}:${state}`, countyCode: t.county_code, organizationId: t.owner_organization_id, refType: 'task', refId: t.id });
  }
  const meetings = await tx
    .selectFrom('meetings as m')
    .innerJoin('meeting_participants as p', 'p.meeting_id', 'm.id')
    .select(['m.id', 'm.client_id', 'm.starts_at', 'm.place', 'm.county_code', 'p.user_id', 'p.organization_id'])
    .where('m.status', '=', 'planned')
    .where('p.user_id', 'is not', null)
    .where('m.starts_at', '>=', now)
    .where('m.starts_at', '<', new Date(now.getTime() + 86_400_000))
    .execute();
  for (const m of meetings) {
    outgoing.push({ userId: m.user_id!, kind: 'meeting-soon', title: 'Verkostopalaveri vuorokauden sisällä', body: m.place, clientId: m.client_id, dedupe: `meeting:${m.id}:soon`, countyCode: m.county_code, organizationId: m.organization_id, refType: 'meeting', refId: m.id });
  }
  let created = 0;
  for (const n of outgoing) {
    const inserted = await tx
      .insertInto('notifications')
      .values({
        county_code: n.countyCode,
        organization_id: n.organizationId,
        user_id: n.userId,
        client_id: n.clientId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        ref_type: n.refType,
        ref_id: n.refId,
        dedupe_key: n.dedupe,
        channels: ['in-app', ...channels.map((c) => c.name)],
      })
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    if (inserted.length === 0) continue;
    created += 1;
    for (const c of channels) await c.send({ userId: n.userId, kind: n.kind, title: n.title, body: '', clientId: null });
  }
  return { created };
}
