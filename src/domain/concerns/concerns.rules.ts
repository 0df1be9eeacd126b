/**
 * Where a concern (huoli) goes, seeds 000/002 and GUIDE §4: advice given and closed; a contact
 * to social services (SHL 35 §) with the client's consent, or without it where the duty to
 * notify applies; a child-protection notification for a child (Child Welfare Act 25 §).
 */
export type ConcernRoute = 'advice' | 'shl35-consent' | 'shl35-duty' | 'child-protection';
export type Urgency = 'low' | 'normal' | 'urgent';
export type ConcernStatus = 'closed' | 'sent' | 'received';

export interface ConcernInput {
  route: ConcernRoute;
  consentGiven: boolean;
  dutyReason?: string | null;
  adviceGiven?: string | null;
}

export type ConcernProblem = 'advice-missing' | 'consent-missing' | 'duty-reason-missing' | 'not-a-child' | 'child-needs-notification';

/** What is missing before the concern can be recorded on this route, if anything. */
export function concernProblem(c: ConcernInput, personIsChild: boolean): ConcernProblem | null {
  switch (c.route) {
    case 'advice':
      return c.adviceGiven?.trim() ? null : 'advice-missing';
    case 'shl35-consent':
      return c.consentGiven ? null : 'consent-missing';
    case 'shl35-duty':
      return c.dutyReason?.trim() ? null : 'duty-reason-missing';
    case 'child-protection':
      return personIsChild ? null : 'not-a-child';
  }
}

/** Routes that reach social services (their inbox); advice is closed where it was given. */
export function goesToSocialServices(route: ConcernRoute): boolean {
  return route !== 'advice';
}

export function initialStatus(route: ConcernRoute): ConcernStatus {
  return goesToSocialServices(route) ? 'sent' : 'closed';
}

const URGENCY_ORDER: Record<Urgency, number> = { urgent: 0, normal: 1, low: 2 };

/** Inbox order: urgent first (assessed at once, GUIDE §4), then the oldest waiting first. */
export function compareInbox(a: { urgency: Urgency; at: Date | string; status: ConcernStatus }, b: { urgency: Urgency; at: Date | string; status: ConcernStatus }): number {
  const waiting = (s: ConcernStatus) => (s === 'sent' ? 0 : 1);
  return (
    waiting(a.status) - waiting(b.status) ||
    URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
    new Date(a.at).getTime() - new Date(b.at).getTime()
  );
}

/** Roles that handle the social-services inbox. */
export const INBOX_ROLES = ['social-worker', 'social-instructor'] as const;

/** Short Finnish title of the path step. */
export function concernTitle(route: ConcernRoute): string {
  return {
    advice: 'Huoli: neuvonta annettu',
    'shl35-consent': 'Yhteydenotto sosiaalipalveluihin (SHL 35 §), suostumuksella',
    'shl35-duty': 'Yhteydenotto sosiaalipalveluihin (SHL 35 §) ilmoitusvelvollisuuden perusteella',
    'child-protection': 'Lastensuojeluilmoitus',
  }[route];
}
