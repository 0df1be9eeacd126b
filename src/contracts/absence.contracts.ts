import { z } from 'zod';

/**
 * Zod schemas of the school-absence API (LAPE 30/50/70 model), shared by the server and the web app.
 * The public contract of issue 8: POST /pupils/:clientId/absences and GET /pupils/:clientId/absence-status.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);
const SchoolYear = z.string().regex(/^\d{4}-\d{4}$/, 'YYYY-YYYY');

export const AbsenceKind = z.enum(['unauthorized', 'sick', 'other']);
export type AbsenceKind = z.infer<typeof AbsenceKind>;
export const AbsenceLevel = z.enum(['none', 'concern', 'over30', 'over50', 'over70']);
export type AbsenceLevel = z.infer<typeof AbsenceLevel>;
export const RequiredActionCode = z.enum(['discuss-with-guardians', 'school-meeting', 'multi-agency-meeting', 'social-welfare-notification']);
export type RequiredActionCode = z.infer<typeof RequiredActionCode>;

export const PupilParams = z.object({ clientId: z.string().max(64) });
export const UnitParams = z.object({ unitId: z.string().max(64) });
export const MunicipalityParams = z.object({ code: z.string().regex(/^\d{3}$/) });
export const SchoolYearQuery = z.object({ schoolYear: SchoolYear.optional() });

/** Hours: quarter hours suffice for 45-minute lessons; one row is one day's absence. */
const Hours = z.number().positive().max(24).multipleOf(0.01);

export const AddAbsenceRequest = z.object({
  date: IsoDate,
  hours: Hours,
  kind: AbsenceKind,
  note: text(500).optional(),
});
export type AddAbsenceRequest = z.input<typeof AddAbsenceRequest>;

export const AddAbsenceResponse = z.object({
  id: z.string(),
  schoolYear: z.string(),
  hours: z.number(),
  level: AbsenceLevel,
  levelChanged: z.boolean(),
});

export const RequiredActionOut = z.object({
  code: RequiredActionCode,
  done: z.boolean(),
  level: AbsenceLevel,
  missing: z.array(z.enum(['followUpMeetingDate', 'responsiblePerson'])),
  description: z.string(),
  responsibleRole: z.string(),
});

export const AbsenceStepOut = z.object({
  id: z.string(),
  code: RequiredActionCode,
  doneOn: z.string(),
  followUpDate: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  participants: z.string().nullable(),
  agreed: z.string().nullable(),
  supportMeasures: z.string().nullable(),
  meetingId: z.string().nullable(),
  planActionId: z.string().nullable(),
  concernId: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type AbsenceStepOut = z.infer<typeof AbsenceStepOut>;

export const SurveyScores = z.object({
  negativeAffect: z.number().min(0).max(6),
  socialEvaluative: z.number().min(0).max(6),
  attention: z.number().min(0).max(6),
  tangible: z.number().min(0).max(6),
});

export const AbsenceSurveyOut = z.object({
  id: z.string(),
  instrument: z.string(),
  doneOn: z.string(),
  scores: SurveyScores,
  summary: z.string().nullable(),
});

export const ThresholdsOut = z.object({
  concernHours: z.number(),
  level1Hours: z.number(),
  level2Hours: z.number(),
  level3Hours: z.number(),
  countKinds: z.array(AbsenceKind),
  concernKinds: z.array(AbsenceKind),
});
export type ThresholdsOut = z.infer<typeof ThresholdsOut>;

/** The public status (issue 8) plus what the school's pages need; extra fields never break the contract. */
export const AbsenceStatus = z.object({
  hours: z.number(),
  level: AbsenceLevel,
  requiredActions: z.array(RequiredActionOut),
  clientId: z.string(),
  pupilName: z.string(),
  school: z.object({ unitId: z.string(), name: z.string(), className: z.string().nullable() }).nullable(),
  schoolYear: z.string(),
  hoursByKind: z.object({ unauthorized: z.number(), sick: z.number(), other: z.number() }),
  worryingHours: z.number(),
  thresholds: ThresholdsOut,
  nextStep: RequiredActionCode.nullable(),
  surveySuggested: z.boolean(),
  absences: z.array(z.object({ id: z.string(), date: z.string(), hours: z.number(), kind: AbsenceKind, note: z.string().nullable(), source: z.string() })),
  steps: z.array(AbsenceStepOut),
  surveys: z.array(AbsenceSurveyOut),
});
export type AbsenceStatus = z.infer<typeof AbsenceStatus>;

export const EnrolRequest = z.object({
  unitId: z.string().uuid().optional(),
  className: text(40).optional(),
  pupilNumber: text(40).optional(),
  startedOn: IsoDate.optional(),
});
export const EnrolResponse = z.object({ id: z.string(), unitId: z.string(), unitName: z.string() });

export const RecordStepRequest = z.object({
  code: RequiredActionCode,
  doneOn: IsoDate,
  followUpDate: IsoDate.optional(),
  responsiblePerson: text(120).optional(),
  participants: text(1000).optional(),
  agreed: text(4000).optional(),
  supportMeasures: text(4000).optional(),
  meetingId: z.string().uuid().optional(),
  /** Link the step to an action of the pupil's plan … */
  planActionId: z.string().uuid().optional(),
  /** … or add it to the plan as a new action (responsible person and follow-up date as its due date). */
  addToPlan: z.boolean().optional(),
});
export type RecordStepRequest = z.input<typeof RecordStepRequest>;

export const RecordSurveyRequest = z.object({ doneOn: IsoDate, scores: SurveyScores, summary: text(2000).optional() });

export const NotificationKind = z.enum(['social-welfare-contact', 'child-protection-notification']);
export const NotificationDraftQuery = z.object({ kind: NotificationKind.default('social-welfare-contact'), schoolYear: SchoolYear.optional() });
export const NotificationDraftOut = z.object({
  title: z.string(),
  text: z.string(),
  missing: z.array(z.string()),
  kind: NotificationKind,
});

export const SendNotificationRequest = z.object({
  kind: NotificationKind,
  text: z.string().trim().min(20).max(20000),
  urgency: z.enum(['low', 'normal', 'urgent']).default('normal'),
  /** A social-welfare contact with the guardians' consent; without it the duty to notify applies (SHL 35 §, LSL 25 §). */
  consentGiven: z.boolean().default(false),
  dutyReason: text(2000).optional(),
  followUpDate: IsoDate,
  responsiblePerson: text(120).min(2),
});
export const SendNotificationResponse = z.object({ concernId: z.string(), stepId: z.string(), route: z.string(), toOrganization: z.string().nullable() });

export const ImportRequest = z.object({
  csv: z.string().min(1).max(5_000_000),
  fileName: text(200).optional(),
  /** Check only: report what would be imported and rejected, write nothing. */
  dryRun: z.boolean().default(false),
  /** Import the valid rows even when some are rejected; otherwise any rejected row stops the whole import. */
  skipRejected: z.boolean().default(false),
});
export const ImportReport = z.object({
  importId: z.string().nullable(),
  dryRun: z.boolean(),
  total: z.number(),
  imported: z.number(),
  rejected: z.array(z.object({ line: z.number(), reason: z.string() })),
  pupils: z.number(),
  levelChanges: z.array(z.object({ clientId: z.string(), pupilName: z.string(), from: AbsenceLevel, to: AbsenceLevel })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ThresholdsRequest = ThresholdsOut.partial();
export const ThresholdsResponse = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  own: z.boolean(),
  thresholds: ThresholdsOut,
});

export const OverviewPupil = z.object({
  clientId: z.string(),
  name: z.string(),
  className: z.string().nullable(),
  hours: z.number(),
  hoursByKind: z.object({ unauthorized: z.number(), sick: z.number(), other: z.number() }),
  level: AbsenceLevel,
  missingActions: z.array(RequiredActionCode),
  nextFollowUp: z.object({ date: z.string(), responsiblePerson: z.string().nullable(), code: RequiredActionCode }).nullable(),
});
export type OverviewPupil = z.infer<typeof OverviewPupil>;
export const WelfareOverview = z.object({
  unitId: z.string(),
  schoolName: z.string(),
  schoolYear: z.string(),
  thresholds: ThresholdsOut,
  counts: z.object({ none: z.number(), concern: z.number(), over30: z.number(), over50: z.number(), over70: z.number() }),
  pupils: z.array(OverviewPupil),
  upcomingFollowUps: z.array(z.object({ clientId: z.string(), name: z.string(), date: z.string(), responsiblePerson: z.string().nullable(), code: RequiredActionCode })),
  welfareGroup: z.array(z.object({ name: z.string(), title: z.string().nullable() })),
});
export type WelfareOverview = z.infer<typeof WelfareOverview>;

export const MySchools = z.object({ items: z.array(z.object({ unitId: z.string(), name: z.string() })) });

export const GuardianChildStatus = z.object({
  items: z.array(
    z.object({
      clientId: z.string(),
      name: z.string(),
      school: z.string().nullable(),
      schoolYear: z.string(),
      hours: z.number(),
      hoursByKind: z.object({ unauthorized: z.number(), sick: z.number(), other: z.number() }),
      level: AbsenceLevel,
      requiredActions: z.array(z.object({ code: RequiredActionCode, done: z.boolean(), description: z.string() })),
      agreedSteps: z.array(z.object({ code: RequiredActionCode, doneOn: z.string(), followUpDate: z.string().nullable(), responsiblePerson: z.string().nullable(), agreed: z.string().nullable() })),
    }),
  ),
});
