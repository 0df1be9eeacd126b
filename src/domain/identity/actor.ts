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
  /** Request metadata carried into audit rows. */
  correlationId: string;
  ip: string | null;
}
