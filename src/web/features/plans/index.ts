/** What other features (the portal, the client page) use of the plan feature. */
export { ClientPlanDocument, ClientPlanActions } from './client-plan-document.js';
export { usePlan, useClientPlanVersion, planKey } from './plans.api.js';
