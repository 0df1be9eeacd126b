export {
  AccessDeniedError,
  DATA_CATEGORIES,
  isUuid,
  meetingParticipantBasis,
  recordDenial,
  requireClientAccess,
  resolveAccess,
  type AccessGrant,
  type AccessRequest,
  type DataCategory,
} from './access.service.js';
export { coverageFor, coversOrganization, isActiveBasis, type Coverage, type DisclosureBasis } from './access.rules.js';
export { allDisclosureBases, disclosureBasesFor } from './access.repository.js';
export { grantEmergencyAccess, listEmergencyAccessForReview, reviewEmergencyAccess } from './emergency.service.js';
export { clientAccessLog } from './access-log.service.js';
export type * from './access.tables.js';
