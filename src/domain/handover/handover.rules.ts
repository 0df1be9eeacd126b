/**
 * Warm handover (saattaen vaihtaen): the previous worker stays responsible until the joint
 * meeting with the client has been held, the receiver has accepted, and the client has confirmed.
 */
export interface HandoverState {
  status: 'open' | 'completed' | 'cancelled';
  jointMeetingHeldAt: Date | null;
  clientConfirmedAt: Date | null;
  referralStatus: string;
}

export const RECEIVER_ACCEPTED = ['accepted', 'in-progress', 'on-hold', 'completed'];

export type HandoverStep = 'referral' | 'joint-meeting' | 'receiver-acceptance' | 'client-confirmation';

/** The steps still missing, in the order the seed describes them. */
export function missingSteps(h: HandoverState): HandoverStep[] {
  const missing: HandoverStep[] = [];
  if (h.referralStatus === 'draft') missing.push('referral');
  if (!h.jointMeetingHeldAt) missing.push('joint-meeting');
  if (!RECEIVER_ACCEPTED.includes(h.referralStatus)) missing.push('receiver-acceptance');
  if (!h.clientConfirmedAt) missing.push('client-confirmation');
  return missing;
}

/** The client confirms last: only after meeting the new worker and the receiver's acceptance. */
export function canClientConfirm(h: HandoverState): boolean {
  return h.status === 'open' && !!h.jointMeetingHeldAt && RECEIVER_ACCEPTED.includes(h.referralStatus);
}

export const isHandoverComplete = (h: HandoverState) => missingSteps(h).length === 0;
