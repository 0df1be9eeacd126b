import { z } from 'zod';
import { Urgency } from './referrals.contracts.js';

/** Zod schemas of warm handover (saattaen vaihtaen) and ending a client relationship. */

const dateTime = z.string().datetime({ offset: true });

export const StartHandoverRequest = z.object({
  serviceId: z.string().uuid(),
  reason: z.string().trim().min(3).max(2000),
  /** Handover summary (siirtoyhteenveto): what the next worker needs to carry on. */
  summary: z.string().trim().min(10).max(8000),
  urgency: Urgency.default('normal'),
  jointMeetingAt: dateTime.optional(),
});
export type StartHandoverRequest = z.input<typeof StartHandoverRequest>;

export const JointMeetingRequest = z.object({ at: dateTime, held: z.boolean().default(false) });
export const ClientConfirmationRequest = z.object({ how: z.enum(['in-meeting', 'phone', 'portal', 'written']) });

export const HandoverView = z.object({
  id: z.string().uuid(),
  clientId: z.string().uuid(),
  referralId: z.string().uuid(),
  status: z.enum(['open', 'completed', 'cancelled']),
  fromOrganization: z.string(),
  toOrganization: z.string().nullable(),
  serviceName: z.string(),
  summary: z.string(),
  referralStatus: z.string(),
  jointMeetingAt: z.string().nullable(),
  jointMeetingHeldAt: z.string().nullable(),
  clientConfirmedAt: z.string().nullable(),
  missingSteps: z.array(z.enum(['referral', 'joint-meeting', 'receiver-acceptance', 'client-confirmation'])),
  completedAt: z.string().nullable(),
});
export type HandoverView = z.infer<typeof HandoverView>;
export const HandoverList = z.object({ items: z.array(HandoverView) });
export type HandoverList = z.infer<typeof HandoverList>;

/**
 * Oma polku: a handover as the client (or their guardian) sees it, in plain words: who takes over,
 * who stays responsible until the client confirms, and whether the client can confirm now.
 */
export const MeHandover = z.object({
  id: z.string().uuid(),
  status: z.enum(['open', 'completed', 'cancelled']),
  serviceName: z.string(),
  fromOrganization: z.string(),
  /** The current responsible worker, who stays responsible until the handover completes. */
  fromWorker: z.string().nullable(),
  toOrganization: z.string().nullable(),
  /** The worker who accepted the handover referral: they take over. */
  toWorker: z.string().nullable(),
  jointMeetingAt: z.string().nullable(),
  jointMeetingHeldAt: z.string().nullable(),
  clientConfirmedAt: z.string().nullable(),
  canConfirm: z.boolean(),
  missingSteps: HandoverView.shape.missingSteps,
});
export type MeHandover = z.infer<typeof MeHandover>;
export const MeHandoverList = z.object({ items: z.array(MeHandover) });
export type MeHandoverList = z.infer<typeof MeHandoverList>;
export const MeHandoverParams = z.object({ handoverId: z.string().max(64) });

export const EndRelationshipRequest = z.object({
  finalEvaluation: z.string().trim().min(3).max(4000),
  clientFeedback: z.string().trim().max(4000).default(''),
  workerFeedback: z.string().trim().max(4000).default(''),
  continuationPlan: z.object({
    howClientManages: z.string().trim().min(3).max(4000),
    whomToContact: z.string().trim().min(3).max(1000),
    followUpDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  }),
  informedOrganizationIds: z.array(z.string().uuid()).max(30).default([]),
});
export type EndRelationshipRequest = z.input<typeof EndRelationshipRequest>;
export const EndRelationshipResponse = z.object({ id: z.string().uuid(), relationshipId: z.string().uuid(), endedAt: z.string() });
