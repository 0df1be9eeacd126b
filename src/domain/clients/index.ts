export {
  addCloseOne,
  getClient,
  joinHousehold,
  registerClient,
  requireProfessional,
  searchClients,
  toListItem,
  updateClient,
} from './clients.service.js';
export { ageOn, checkIdentityCode, clientGroupForAge, isChild, maskIdentityCode } from './clients.rules.js';
export { findPossibleDuplicates, getClientRow, setRelationshipLevel, activeRelationship, clientNameSql } from './clients.repository.js';
export type * from './clients.tables.js';
