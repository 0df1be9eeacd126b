import { z } from 'zod';

/** Zod schemas of follow-up tasks, contacts, alerts, notifications and the worker's today view. */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const TaskStatus = z.enum(['open', 'done', 'not-done']);
export const AlertType = z.enum(['task-overdue', 'referral-stuck', 'no-contact', 'plan-review-overdue', 'caseload-over-limit', 'statutory-deadline']);
export type AlertType = z.infer<typeof AlertType>;

export const TaskIdParams = z.object({ id: z.guid() }); // a non-uuid id must be a 400, not a database error (500)
export const ClientIdParams = z.object({ id: z.string().max(64) });

export const Task = z.object({
  id: z.string().uuid(),
  title: z.string(),
  due: z.string(),
  status: TaskStatus,
  overdue: z.boolean(),
  clientId: z.string().uuid(),
  clientName: z.string().nullable(),
  ownerName: z.string(),
  ownerUserId: z.string().nullable(),
  source: z.string(),
  meetingId: z.string().nullable(),
  planActionId: z.string().nullable(),
  referralId: z.string().nullable(),
  outcomeNote: z.string().nullable(),
});
export type Task = z.infer<typeof Task>;
export const TaskList = z.object({ items: z.array(Task) });
export type TaskList = z.infer<typeof TaskList>;

export const MyTasksQuery = z.object({
  status: z.enum(['open', 'all']).default('open'),
  /** Portal only: a guardian reads their under-18 child's tasks. */
  clientId: z.string().max(64).optional(),
});

export const CreateTaskRequest = z.object({
  title: z.string().trim().min(1).max(500),
  due: IsoDate,
  ownerUserId: z.string().uuid().optional(),
  ownerName: z.string().trim().max(120).optional(),
  planActionId: z.string().uuid().optional(),
  referralId: z.string().uuid().optional(),
});

export const CompleteTaskRequest = z.object({
  status: z.enum(['done', 'not-done']),
  note: z.string().trim().max(2000).optional(),
});

export const RecordContactRequest = z.object({
  channel: z.enum(['phone', 'visit', 'message', 'meeting', 'video']),
  note: z.string().trim().max(2000).optional(),
  at: z.string().datetime({ offset: true }).optional(),
});

export const FollowUpSuggestion = z.object({
  kind: z.enum(['follow-up-call', 'plan-check', 'regular-contact']),
  level: z.string(),
  due: z.string(),
  title: z.string(),
});
export const RecordContactResponse = z.object({ id: z.string().uuid(), suggestion: FollowUpSuggestion.nullable() });

export const Alert = z.object({
  type: AlertType,
  title: z.string(),
  clientId: z.string().uuid().nullable(),
  clientName: z.string().nullable(),
  /** Since when the thing has been late (ISO date), or the deadline. */
  since: z.string().nullable(),
  due: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  count: z.number().nullable(),
  limit: z.number().nullable(),
});
export type Alert = z.infer<typeof Alert>;
export const AlertList = z.object({ items: z.array(Alert) });

export const Notification = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  clientId: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const NotificationList = z.object({ items: z.array(Notification) });
export const MarkReadRequest = z.object({ ids: z.array(z.string().uuid()).max(200) });

export const IncomingReferral = z.object({
  id: z.string().uuid(),
  clientId: z.string().uuid(),
  clientName: z.string().nullable(),
  serviceName: z.string(),
  status: z.string(),
  urgency: z.string(),
  since: z.string(),
});

export const UpcomingMeeting = z.object({
  id: z.string().uuid(),
  clientId: z.string().uuid(),
  clientName: z.string().nullable(),
  startsAt: z.string(),
  place: z.string(),
  method: z.string(),
});

export const TodayView = z.object({
  today: z.string(),
  dueToday: z.array(Task),
  overdue: z.array(Task),
  upcoming: z.array(Task),
  incomingReferrals: z.array(IncomingReferral),
  alerts: z.array(Alert),
  meetings: z.array(UpcomingMeeting),
  unreadNotifications: z.number(),
});
export type TodayView = z.infer<typeof TodayView>;

export const FollowupSettingsBody = z.object({
  adviceFollowUpCallDays: z.number().int().min(1).max(365).optional(),
  guidanceCheckAfterActionDays: z.number().int().min(1).max(365).optional(),
  intensiveContactDays: z.number().int().min(1).max(365).optional(),
  intensiveCaseloadLimit: z.number().int().min(1).max(200).optional(),
  referralNotReceivedDays: z.number().int().min(1).max(90).optional(),
  referralNotAcceptedDays: z.number().int().min(1).max(90).optional(),
  /** The day counts of the statutory deadlines, by rule key; labels and triggers stay as defined in code. */
  statutoryDeadlines: z
    .array(
      z.object({
        key: z.string().max(60),
        workingDays: z.number().int().min(1).max(60).optional(),
        calendarDays: z.number().int().min(1).max(365).optional(),
        warnDaysBefore: z.number().int().min(0).max(60).optional(),
      }),
    )
    .max(20)
    .optional(),
});
export type FollowupSettingsBody = z.infer<typeof FollowupSettingsBody>;

const Localized = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
export const FollowupSettingsView = z.object({
  adviceFollowUpCallDays: z.number(),
  guidanceCheckAfterActionDays: z.number(),
  intensiveContactDays: z.number(),
  intensiveCaseloadLimit: z.number(),
  referralNotReceivedDays: z.number(),
  referralNotAcceptedDays: z.number(),
  statutoryDeadlines: z.array(
    z.object({
      key: z.string(),
      trigger: z.string(),
      workingDays: z.number().optional(),
      calendarDays: z.number().optional(),
      warnDaysBefore: z.number(),
      label: Localized,
    }),
  ),
  /** Where the values in force come from: the built-in defaults, the county's default or the organisation's own. */
  scope: z.object({
    /** What this user's save changes: 'organization' (manager) or 'county' (admin); null = read only. */
    editable: z.enum(['organization', 'county']).nullable(),
    countyOverride: z.boolean(),
    organizationOverride: z.boolean(),
  }),
});
export type FollowupSettingsView = z.infer<typeof FollowupSettingsView>;
