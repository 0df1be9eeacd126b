export * from './questionnaires.data.js';
export * from './feedback.rules.js';
export { questionnaireFor, respondentFor, INVITATION_DAYS } from './feedback.invitation.rules.js';
export { clientInvitations, feedbackScores, questionnairesFor, respondentOf, submitFeedback } from './feedback.service.js';
export type { FeedbackFilter } from './feedback.repository.js';
export { seedFeedback } from './feedback.demo.js';
export type * from './feedback.tables.js';
