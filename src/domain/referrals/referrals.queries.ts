import type { Tx } from '../../db/schema.js';
import type { ReferralDetail, ReferralSummary, TimeLimits as TimeLimitsInput } from '../../contracts/referrals.contracts.js';
import { requireClientAccess } from '../access/index.js';
import type { Actor } from '../identity/actor.js';
import { forbidden } from '../shared/errors.js';
import * as repo from './referrals.repository.js';
import { referralForParty } from './referrals.service.js';
import {
  actionNeeded, DEFAULT_TIME_LIMITS, nextStatuses, OPEN_STATUSES, sidesOf, STATUS_SETTER, stuckReason,
  type ReferralStatus, type TimeLimits,
} from './referrals.rules.js';

type LimitRow = Awaited<ReturnType<typeof repo.timeLimits>>[number];

/** The receiving organisation's own limits, else the county default, else the built-in default. */
function limitsFor(rows: LimitRow[], countyCode: string, receiverId: string | null): TimeLimits {
  const own = receiverId ? rows.find((l) => l.organization_id === receiverId) : undefined;
  const county = rows.find((l) => l.county_code === countyCode && l.organization_id === null);
  const row = own ?? county;
  return row ? { notReceivedDays: row.not_received_days, notAcceptedDays: row.not_accepted_days } : DEFAULT_TIME_LIMITS;
}

/** The columns a list item shows (repo.referralSummariesOfClient reads only these). */
type SummaryRow = Pick<
  repo.ReferralRow,
  | 'id' | 'client_id' | 'first_name' | 'last_name' | 'service_id' | 'service_name' | 'status' | 'status_reason' | 'status_changed_at' | 'kind'
  | 'urgency' | 'organization_id' | 'from_org_name' | 'to_organization_id' | 'to_org_name' | 'to_provider_name' | 'to_uses_polku'
  | 'outside_system' | 'created_at'
>;

/** The same choice as limitsFor, made by the statement's joins: the receiver's own row, else the county default. */
function joinedLimits(r: { own_not_received_days: number | null; own_not_accepted_days: number | null; county_not_received_days: number | null; county_not_accepted_days: number | null }): TimeLimits {
  if (r.own_not_received_days !== null && r.own_not_accepted_days !== null) return { notReceivedDays: r.own_not_received_days, notAcceptedDays: r.own_not_accepted_days };
  if (r.county_not_received_days !== null && r.county_not_accepted_days !== null) return { notReceivedDays: r.county_not_received_days, notAcceptedDays: r.county_not_accepted_days };
  return DEFAULT_TIME_LIMITS;
}

function toSummary(r: SummaryRow, orgId: string, limits: TimeLimits, now: Date, showName: boolean): ReferralSummary {
  const sides = sidesOf(orgId, { fromOrganizationId: r.organization_id, toOrganizationId: r.to_organization_id, outsideSystem: r.outside_system });
  const stuck = stuckReason(r.status, new Date(r.status_changed_at), now, limits);
  return {
    id: r.id, clientId: r.client_id, clientName: showName ? `${r.first_name} ${r.last_name}` : null, serviceId: r.service_id,
    serviceName: r.service_name, status: r.status, statusReason: r.status_reason, statusChangedAt: new Date(r.status_changed_at).toISOString(),
    kind: r.kind, urgency: r.urgency as ReferralSummary['urgency'], fromOrganization: { id: r.organization_id, name: r.from_org_name },
    toOrganization: { id: r.to_organization_id, name: r.to_org_name ?? r.to_provider_name, usesPolku: r.to_uses_polku ?? false },
    outsideSystem: r.outside_system, createdAt: new Date(r.created_at).toISOString(), stuck, actionNeeded: actionNeeded(sides, r.status, !!stuck),
  };
}

/**
 * Incoming or outgoing referrals of the caller's organisation. The receiver sees the client's
 * name only while the referral is open: after a cancellation (e.g. consent revoked) it is gone.
 */
export async function listInbox(tx: Tx, actor: Actor, box: 'incoming' | 'outgoing', opts: { status?: ReferralStatus; actionNeeded?: boolean } = {}, now = new Date()) {
  if (actor.role === 'client' || actor.role === 'admin') throw forbidden();
  const [rows, limits] = await Promise.all([repo.listBox(tx, actor.organizationId, box, opts.status), repo.timeLimits(tx)]);
  let items = rows.map((r) => toSummary(r, actor.organizationId, limitsFor(limits, r.county_code, r.to_organization_id), now, box === 'outgoing' || OPEN_STATUSES.includes(r.status) || r.status === 'completed'));
  if (opts.actionNeeded !== undefined) items = items.filter((i) => !!i.actionNeeded === opts.actionNeeded);
  return { items };
}

export async function getReferralDetail(tx: Tx, actor: Actor, id: string, now = new Date()): Promise<ReferralDetail> {
  const { r, sides } = await referralForParty(tx, actor, id, 'referral.read');
  const [events, limits] = await Promise.all([repo.eventsOf(tx, id), repo.timeLimits(tx)]);
  return {
    ...toSummary(r, actor.organizationId, limitsFor(limits, r.county_code, r.to_organization_id), now, true),
    reason: r.reason, receiverInfo: r.receiver_info, sharedCategories: r.shared_categories as ReferralDetail['sharedCategories'],
    contactPreference: r.contact_preference, outsideNote: r.outside_note,
    sender: { name: r.from_user_name, phone: r.from_user_phone ?? r.from_org_phone, email: r.from_user_email },
    sides, allowedStatuses: nextStatuses(r.status).filter((s) => sides.includes(STATUS_SETTER[s])),
    history: events.map((e) => ({ status: e.status, reason: e.reason, at: new Date(e.at).toISOString(), by: e.by_name, organization: e.organization_name })),
  };
}

/** The referrals of one client, for the client's record and the portal. */
export async function listClientReferrals(tx: Tx, actor: Actor, clientId: string, now = new Date()) {
  await requireClientAccess(tx, actor, clientId, { action: 'referral.list', category: 'plan', resource: 'referral' });
  const rows = await repo.referralSummariesOfClient(tx, clientId);
  return { items: rows.map((r) => toSummary(r, actor.organizationId, joinedLimits(r), now, true)) };
}

export interface StuckReferral {
  id: string;
  clientId: string;
  countyCode: string;
  status: 'requested' | 'received';
  reason: 'not-received' | 'not-accepted';
  fromOrganizationId: string;
  toOrganizationId: string | null;
  since: string;
  days: number;
}

/**
 * Referrals nobody has received, or nobody has decided on, within the configured time limits.
 * Called by the follow-up/alerts module to raise alerts; decides nothing else.
 */
export async function findStuckReferrals(tx: Tx, now = new Date()): Promise<StuckReferral[]> {
  const [rows, limits] = await Promise.all([repo.openForStuckCheck(tx), repo.timeLimits(tx)]);
  const out: StuckReferral[] = [];
  for (const r of rows) {
    const since = new Date(r.status_changed_at);
    const reason = stuckReason(r.status, since, now, limitsFor(limits, r.county_code, r.to_organization_id));
    if (!reason) continue;
    out.push({
      id: r.id, clientId: r.client_id, countyCode: r.county_code, status: r.status as StuckReferral['status'], reason,
      fromOrganizationId: r.organization_id, toOrganizationId: r.to_organization_id, since: since.toISOString(),
      days: Math.floor((now.getTime() - since.getTime()) / 86_400_000),
    });
  }
  return out;
}

export async function getTimeLimits(tx: Tx, actor: Actor): Promise<TimeLimits> {
  return limitsFor(await repo.timeLimits(tx), actor.countyCode, actor.organizationId);
}

/** A manager sets the limits for their organisation as receiver; an admin sets the county default. */
export async function setTimeLimits(tx: Tx, actor: Actor, input: TimeLimitsInput) {
  if (actor.role !== 'manager' && actor.role !== 'admin') throw forbidden();
  await repo.upsertTimeLimits(tx, actor.countyCode, actor.role === 'admin' ? null : actor.organizationId, input.notReceivedDays, input.notAcceptedDays);
  return input;
}
