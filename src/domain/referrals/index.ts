export { cancelReferralsNoLongerCovered, changeReferralStatus, createReferral, recordMadeOutside, referralForParty } from './referrals.service.js';
export { findStuckReferrals, getReferralDetail, getTimeLimits, listClientReferrals, listInbox, setTimeLimits, type StuckReferral } from './referrals.queries.js';
export { printReferral } from './referrals.print.js';
export { referralPrintout, type ReferralPrintout } from './referrals.printout.js';
export { renderReferralPdf } from './referrals.pdf.js';
export {
  actionNeeded, canTransition, checkTransition, DEFAULT_TIME_LIMITS, nextStatuses, OPEN_STATUSES, REFERRAL_STATUSES, STATUS_SETTER, stuckReason,
  TERMINAL_STATUSES, type ReferralSide, type ReferralStatus,
} from './referrals.rules.js';
export type * from './referrals.tables.js';
