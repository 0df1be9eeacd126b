import { z } from 'zod';
import { DataCategory } from './consents.contracts.js';

/** Zod schemas of the referral API (lähete / palvelupyyntö), shared by server and web. */

export const ReferralStatus = z.enum(['draft', 'requested', 'received', 'accepted', 'rejected', 'in-progress', 'on-hold', 'completed', 'failed', 'cancelled']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;
export const Urgency = z.enum(['low', 'normal', 'urgent']);

export const CreateReferralRequest = z.object({
  clientId: z.string().max(64),
  serviceId: z.string().uuid(),
  reason: z.string().trim().min(3).max(2000),
  urgency: Urgency.default('normal'),
  /** What the receiver needs to know; only consented categories travel with the referral. */
  receiverInfo: z.string().trim().max(4000).default(''),
  sharedCategories: z.array(DataCategory).max(7).optional(),
  contactPreference: z.string().trim().max(300).optional(),
  planActionId: z.string().uuid().optional(),
  /** Save as a draft instead of sending. */
  draft: z.boolean().default(false),
});
export type CreateReferralRequest = z.input<typeof CreateReferralRequest>;

export const CreatedReferral = z.object({ id: z.string().uuid(), status: ReferralStatus });

export const ChangeStatusRequest = z.object({ status: ReferralStatus, reason: z.string().trim().max(1000).optional() });
export const RecordOutsideRequest = z.object({ note: z.string().trim().min(3).max(1000) });

export const InboxQuery = z.object({
  box: z.enum(['incoming', 'outgoing']),
  status: ReferralStatus.optional(),
  actionNeeded: z.enum(['true', 'false']).optional(),
});

export const ReferralSummary = z.object({
  id: z.string().uuid(),
  clientId: z.string().uuid(),
  clientName: z.string().nullable(),
  serviceId: z.string().uuid().nullable(),
  serviceName: z.string(),
  status: ReferralStatus,
  statusReason: z.string().nullable(),
  statusChangedAt: z.string(),
  kind: z.enum(['referral', 'handover']),
  urgency: Urgency,
  fromOrganization: z.object({ id: z.string().uuid(), name: z.string() }),
  toOrganization: z.object({ id: z.string().uuid().nullable(), name: z.string().nullable(), usesPolku: z.boolean() }),
  outsideSystem: z.boolean(),
  createdAt: z.string(),
  stuck: z.enum(['not-received', 'not-accepted']).nullable(),
  actionNeeded: z.string().nullable(),
});
export type ReferralSummary = z.infer<typeof ReferralSummary>;
export const ReferralList = z.object({ items: z.array(ReferralSummary) });
export type ReferralList = z.infer<typeof ReferralList>;

export const ReferralDetail = ReferralSummary.extend({
  reason: z.string(),
  receiverInfo: z.string(),
  sharedCategories: z.array(DataCategory),
  contactPreference: z.string().nullable(),
  outsideNote: z.string().nullable(),
  sender: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  sides: z.array(z.enum(['sender', 'receiver'])),
  allowedStatuses: z.array(ReferralStatus),
  history: z.array(z.object({ status: ReferralStatus, reason: z.string().nullable(), at: z.string(), by: z.string().nullable(), organization: z.string().nullable() })),
});
export type ReferralDetail = z.infer<typeof ReferralDetail>;

export const TimeLimits = z.object({ notReceivedDays: z.number().int().min(1).max(90), notAcceptedDays: z.number().int().min(1).max(90) });
export type TimeLimits = z.infer<typeof TimeLimits>;
