export { createMeeting, getMeeting, recordMinutes, approveMinutes, listClientMeetings, myMeetings, meetingClientOptions, meetingDefaults } from './meetings.service.js';
export { DEFAULT_AGENDA, MEETING_METHODS, PARTICIPANT_KINDS, clientChecklist, decisionProblems, type MeetingMethod } from './meetings.rules.js';
export { appendPlanActions, type NewPlanAction } from './meetings.plan.js';
export { seedMeetingsAndFollowup } from './meetings.demo.js';
export type * from './meetings.tables.js';
