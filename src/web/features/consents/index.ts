/** Consent management for other features (the portal, the client record). */
export { ConsentList } from './consent-list.js';
export { ConsentForm } from './consent-form.js';
export { AccessLog } from './access-log.js';
