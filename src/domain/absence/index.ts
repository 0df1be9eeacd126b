export * from './absence.rules.js';
export type * from './absence.tables.js';
export { absenceStatus, addAbsence, enrolPupil, recordStep, recordSurvey } from './absence.service.js';
export { getThresholds, guardianChildrenStatus, mySchools, resetThresholds, setThresholds, welfareOverview } from './absence.school.js';
export { notificationDraft, sendNotification } from './absence.notify.js';
export { importAbsences } from './absence.import.js';
export { authorizePupil, requireSchoolStaff, staffUnits } from './absence.access.js';
export { seedAbsence } from './absence.demo.js';
