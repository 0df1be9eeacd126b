export { giveConsent, listConsents, recordStatutoryBasis, revokeConsent } from './consents.service.js';
export { CONSENT_GIVERS, CONSENT_METHODS, consentState, STATUTORY_BASES, STATUTORY_BASIS_CODES, type StatutoryBasisCode } from './consents.rules.js';
export { insertConsent, insertConsentEvent } from './consents.repository.js';
export type * from './consents.tables.js';
