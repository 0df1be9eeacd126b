export {
  addSelfAssessment, confirmMyHandover, giveMyConsent, myAccessLog, myConsents, myHandovers, myMeetings, myPath, myPlan, myReferrals, mySelfAssessments, myTasks, myWorker,
  overview, revokeMyConsent, subjectOf,
} from './portal.service.js';
export { describeAction, describeBasis, isClientsTask } from './portal.rules.js';
