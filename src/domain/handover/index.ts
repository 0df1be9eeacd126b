export { confirmByClient, endRelationship, listClientHandovers, myHandovers, recordJointMeeting, startHandover } from './handover.service.js';
export { canClientConfirm, isHandoverComplete, missingSteps, type HandoverStep } from './handover.rules.js';
export type * from './handover.tables.js';
