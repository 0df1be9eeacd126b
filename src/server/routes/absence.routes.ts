import { z } from 'zod';
import {
  AbsenceStatus, AddAbsenceRequest, AddAbsenceResponse, EnrolRequest, EnrolResponse, GuardianChildStatus, ImportReport, ImportRequest,
  MunicipalityParams, MySchools, NotificationDraftOut, NotificationDraftQuery, PupilParams, RecordStepRequest, RecordSurveyRequest,
  SchoolYearQuery, SendNotificationRequest, SendNotificationResponse, ThresholdsRequest, ThresholdsResponse, UnitParams, WelfareOverview,
} from '../../contracts/absence.contracts.js';
import {
  absenceStatus, addAbsence, enrolPupil, getThresholds, guardianChildrenStatus, importAbsences, mySchools, notificationDraft,
  recordStep, recordSurvey, resetThresholds, sendNotification, setThresholds, welfareOverview,
} from '../../domain/absence/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

const SCHOOL_STAFF = ['teacher', 'student-welfare', 'school-nurse'] as const;
const pupil = { param: 'clientId' };
const tags = ['absence'];
const Created = z.object({ id: z.string() });

/** School absences, the LAPE 30/50/70 model (issue 8). Every pupil route is school staff only; others get 404. */
export const absenceRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST', url: '/api/v1/pupils/:clientId/absences', tags, auth: SCHOOL_STAFF, clientData: pupil, status: 201,
    summary: 'Record an absence (date, hours, kind) of a pupil of the caller’s school; the level is re-evaluated',
    params: PupilParams, body: AddAbsenceRequest, response: AddAbsenceResponse,
    handler: ({ params, body, actor, tx }) => tx((t) => addAbsence(t, actor, params.clientId, body)),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/pupils/:clientId/absence-status', tags, auth: SCHOOL_STAFF, clientData: pupil,
    summary: 'Hours, level (none/concern/over30/over50/over70) and required actions of the school year, with absences, steps and surveys',
    params: PupilParams, query: SchoolYearQuery, response: AbsenceStatus,
    handler: ({ params, query, actor, lang, tx }) => tx((t) => absenceStatus(t, actor, params.clientId, lang, query.schoolYear)),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/pupils/:clientId/enrolment', tags, auth: SCHOOL_STAFF, clientData: pupil, status: 201,
    summary: 'Enrol a pupil (e.g. one a teacher registered with POST /clients) in a school unit the caller works in',
    params: PupilParams, body: EnrolRequest, response: EnrolResponse,
    handler: ({ params, body, actor, tx }) => tx((t) => enrolPupil(t, actor, params.clientId, body)),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/pupils/:clientId/absence-steps', tags, auth: SCHOOL_STAFF, clientData: pupil, status: 201,
    summary: 'Record a step of the model as done, with the agreed follow-up meeting date and responsible person',
    params: PupilParams, body: RecordStepRequest, response: Created,
    handler: async ({ params, body, actor, tx }) => ({ id: await tx((t) => recordStep(t, actor, params.clientId, body)) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/pupils/:clientId/absence-surveys', tags, auth: SCHOOL_STAFF, clientData: pupil, status: 201,
    summary: 'Attach a school-absence survey (Kearney SRAS-R) after 30 hours',
    params: PupilParams, body: RecordSurveyRequest, response: Created,
    handler: ({ params, body, actor, tx }) => tx((t) => recordSurvey(t, actor, params.clientId, body)),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/pupils/:clientId/notification-draft', tags, auth: SCHOOL_STAFF, clientData: pupil,
    summary: 'Draft of the Social Welfare Act 35 § contact or child-protection notification from what the school has recorded',
    params: PupilParams, query: NotificationDraftQuery, response: NotificationDraftOut,
    handler: ({ params, query, actor, lang, tx }) => tx((t) => notificationDraft(t, actor, params.clientId, query, new Date(), lang)),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/pupils/:clientId/notification', tags, auth: SCHOOL_STAFF, clientData: pupil, status: 201,
    summary: 'Send the notification as a concern routed to social services and record the step as done',
    params: PupilParams, body: SendNotificationRequest, response: SendNotificationResponse,
    handler: ({ params, body, actor, tx }) => tx((t) => sendNotification(t, actor, params.clientId, body)),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/schools/mine', tags, auth: SCHOOL_STAFF,
    summary: 'Schools the caller works in or serves as student welfare staff',
    response: MySchools,
    handler: ({ actor, tx }) => tx((t) => mySchools(t, actor)),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/schools/:unitId/welfare-overview', tags, auth: SCHOOL_STAFF,
    summary: 'Student welfare group view of a school: pupils by level, missing actions, upcoming follow-ups',
    params: UnitParams, query: SchoolYearQuery, response: WelfareOverview,
    handler: ({ params, query, actor, tx }) => tx((t) => welfareOverview(t, actor, params.unitId, query.schoolYear)),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/schools/:unitId/absence-imports', tags, auth: SCHOOL_STAFF,
    summary: 'Import absences from the school system as CSV in one transaction; rejected rows are reported by line',
    params: UnitParams, body: ImportRequest, response: ImportReport,
    handler: async ({ params, body, actor, lang, tx, reply }) => {
      const report = await tx((t) => importAbsences(t, actor, params.unitId, body, lang));
      // 201 when written, 200 for a dry run (nothing created).
      reply.code(report.dryRun ? 200 : 201);
      return report;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/municipalities/:code/absence-thresholds', tags, auth: 'professional',
    summary: 'The municipality’s absence limits (its own or the default 30/50/70)',
    params: MunicipalityParams, response: ThresholdsResponse,
    handler: ({ params, tx }) => tx((t) => getThresholds(t, params.code)),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/municipalities/:code/absence-thresholds', tags, auth: ['admin'],
    summary: 'Set the municipality’s own absence limits (county administrator)',
    params: MunicipalityParams, body: ThresholdsRequest, response: ThresholdsResponse,
    handler: ({ params, body, actor, lang, tx }) => tx((t) => setThresholds(t, actor, params.code, body, lang)),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/municipalities/:code/absence-thresholds', tags, auth: ['admin'],
    summary: 'Return the municipality to the default limits 30/50/70',
    params: MunicipalityParams, response: ThresholdsResponse,
    handler: ({ params, actor, tx }) => tx((t) => resetThresholds(t, actor, params.code)),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/me/children/absence-status', tags, auth: ['client'],
    summary: 'For a guardian in the portal: each child’s absence level and the agreed steps',
    query: SchoolYearQuery, response: GuardianChildStatus,
    handler: ({ query, actor, lang, tx }) => tx((t) => guardianChildrenStatus(t, actor, lang, query.schoolYear)),
  }),
];
