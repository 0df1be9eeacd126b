import type { Role } from './roles.js';

/** Who is acting: the authenticated user, in the organisation they act for. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  organizationSector: string;
  countyCode: string;
  unitId: string | null;
  /** For role 'client': the client record this login belongs to. */
  clientId: string | null;
  /**
   * Set only while a guardian acts for their under-18 child in the portal (portal subjectOf): then
   * clientId is the child's and this is the guardian's own client record. resolveAccess re-checks it.
   */
  guardianClientId?: string | null;
  /** Request metadata carried into audit rows. */
  correlationId: string;
  ip: string | null;
}
