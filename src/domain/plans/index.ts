export {
  confirmCommitment,
  createPlan,
  getPlan,
  getPlanVersion,
  listPlanVersions,
  loadPlan,
  recordReferralOutcome,
  setActionStatus,
  updatePlan,
} from './plans.service.js';
export { getClientPlanVersion } from './plans.client.service.js';
export { buildClientVersion, finnishDate } from './plans.client-version.js';
export { renderClientPlanPdf, toWinAnsi } from './plans.pdf.js';
export { changedFields, commitmentStates, participantsOf, viewsDiffer, nextSteps, isStale } from './plans.rules.js';
export type * from './plans.tables.js';
