export { inbox, listClientConcerns, listRaisedConcerns, raiseConcern, receiveConcern } from './concerns.service.js';
export { insertConcern, socialServicesOrganization } from './concerns.repository.js';
export { compareInbox, concernProblem, goesToSocialServices, initialStatus, type ConcernRoute, type Urgency } from './concerns.rules.js';
