export {
  AccessDeniedError,
  DATA_CATEGORIES,
  isUuid,
  recordDenial,
  requireClientAccess,
  resolveAccess,
  type AccessGrant,
  type AccessRequest,
  type DataCategory,
} from './access.service.js';
