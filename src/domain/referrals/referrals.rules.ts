/**
 * The referral status machine, after the HL7 Gravity SDOH Clinical Care Task statuses
 * (draft, requested, received, accepted, rejected, in-progress, on-hold, completed, failed,
 * cancelled). Pure: who may set what, which moves are allowed, what needs a reason.
 */
export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'received',
  'accepted',
  'rejected',
  'in-progress',
  'on-hold',
  'completed',
  'failed',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export type ReferralSide = 'sender' | 'receiver';

/** The sender drafts, requests and cancels; the receiver answers and carries out the service. */
export const STATUS_SETTER: Record<ReferralStatus, ReferralSide> = {
  draft: 'sender',
  requested: 'sender',
  cancelled: 'sender',
  received: 'receiver',
  accepted: 'receiver',
  rejected: 'receiver',
  'in-progress': 'receiver',
  'on-hold': 'receiver',
  completed: 'receiver',
  failed: 'receiver',
};

const TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['requested', 'cancelled'],
  requested: ['received', 'cancelled'],
  received: ['accepted', 'rejected', 'cancelled'],
  accepted: ['in-progress', 'cancelled'],
  'in-progress': ['on-hold', 'completed', 'failed', 'cancelled'],
  'on-hold': ['in-progress', 'completed', 'failed', 'cancelled'],
  rejected: [],
  completed: [],
  failed: [],
  cancelled: [],
};

/** A closed loop ends in one of these; nothing moves afterwards. */
export const TERMINAL_STATUSES: readonly ReferralStatus[] = ['rejected', 'completed', 'failed', 'cancelled'];
/** Statuses in which the receiving organisation works with the client (and so may see them). */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['requested', 'received', 'accepted', 'in-progress', 'on-hold'];
/** Statuses that must say why (no capacity, not eligible, client declined …). */
export const REASON_REQUIRED: readonly ReferralStatus[] = ['rejected', 'failed'];

/** Common reasons offered in the UI; free text is accepted as well. */
export const REJECTION_REASONS = ['no-capacity', 'not-eligible', 'client-declined', 'wrong-service', 'other'] as const;

export const isTerminal = (s: ReferralStatus) => TERMINAL_STATUSES.includes(s);
export const canTransition = (from: ReferralStatus, to: ReferralStatus) => TRANSITIONS[from].includes(to);
export const nextStatuses = (from: ReferralStatus) => TRANSITIONS[from];

/**
 * Which sides the caller acts on. An organisation referring within itself is both; a referral to a
 * provider outside Polku has no one to answer in the system, so the sender records the answer.
 */
export function sidesOf(orgId: string, r: { fromOrganizationId: string; toOrganizationId: string | null; outsideSystem: boolean }): ReferralSide[] {
  const sides: ReferralSide[] = [];
  if (r.fromOrganizationId === orgId) sides.push('sender');
  if (r.toOrganizationId === orgId || (r.outsideSystem && r.fromOrganizationId === orgId)) sides.push('receiver');
  return sides;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; error: 'forbidden' | 'invalid_transition' | 'reason_required' };

/** The one decision on a status change: side first (403), then the machine (409), then the reason (400). */
export function checkTransition(sides: readonly ReferralSide[], from: ReferralStatus, to: ReferralStatus, reason?: string | null): TransitionCheck {
  if (!sides.includes(STATUS_SETTER[to])) return { ok: false, error: 'forbidden' };
  if (!canTransition(from, to)) return { ok: false, error: 'invalid_transition' };
  if (REASON_REQUIRED.includes(to) && !reason?.trim()) return { ok: false, error: 'reason_required' };
  return { ok: true };
}

/** What the organisation has to do next on this referral, if anything (the inbox's "action needed"). */
export function actionNeeded(sides: readonly ReferralSide[], status: ReferralStatus, stuck: boolean): string | null {
  if (sides.includes('receiver')) {
    if (status === 'requested') return 'receive';
    if (status === 'received') return 'decide';
    if (status === 'accepted') return 'start';
  }
  if (sides.includes('sender')) {
    if (status === 'draft') return 'send';
    if (stuck) return 'follow-up';
    if (status === 'rejected' || status === 'failed') return 'replan';
  }
  return null;
}

export interface TimeLimits {
  notReceivedDays: number;
  notAcceptedDays: number;
}
export const DEFAULT_TIME_LIMITS: TimeLimits = { notReceivedDays: 3, notAcceptedDays: 7 };

/** A referral is stuck when nobody has received it, or nobody decided on it, within the limit. */
export function stuckReason(status: ReferralStatus, statusChangedAt: Date, now: Date, limits: TimeLimits): 'not-received' | 'not-accepted' | null {
  const days = (now.getTime() - statusChangedAt.getTime()) / 86_400_000;
  if (status === 'requested' && days >= limits.notReceivedDays) return 'not-received';
  if (status === 'received' && days >= limits.notAcceptedDays) return 'not-accepted';
  return null;
}

/** Path phase of a status change: asking is still planning, everything after is services. */
export const phaseOfStatus = (s: ReferralStatus) => (s === 'draft' || s === 'requested' ? 'assessment' : s === 'completed' || s === 'failed' ? 'follow-up' : 'services');

export const STATUS_TITLES_FI: Record<ReferralStatus, string> = {
  draft: 'Lähetteen luonnos',
  requested: 'Lähete lähetetty',
  received: 'Lähete vastaanotettu',
  accepted: 'Lähete hyväksytty',
  rejected: 'Lähete hylätty',
  'in-progress': 'Palvelu alkoi',
  'on-hold': 'Palvelu tauolla',
  completed: 'Palvelu päättyi: tavoite saavutettu',
  failed: 'Palvelu keskeytyi',
  cancelled: 'Lähete peruttu',
};

/**
 * The status a plan action gets when a referral made from it ends with a result: done when the
 * service reached its goal, not done when it failed or was refused. Other statuses leave the plan as it is.
 */
export function planActionOutcome(status: ReferralStatus): 'done' | 'not-done' | null {
  if (status === 'completed') return 'done';
  if (status === 'failed' || status === 'rejected') return 'not-done';
  return null;
}

/** The outcome line written onto the plan action, in Finnish like the rest of the record. */
export function outcomeText(status: ReferralStatus, serviceName: string, organizationName: string, reason: string | null): string {
  return `${STATUS_TITLES_FI[status]}: ${serviceName} (${organizationName})${reason ? `. ${reason}` : ''}`;
}
