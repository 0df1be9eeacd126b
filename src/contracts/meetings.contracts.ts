import { z } from 'zod';

/** Zod schemas of the network-meeting API (verkostopalaveri), shared by the server and the web app. */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

export const MeetingMethod = z.enum(['network-meeting', 'family-group-conference', 'open-dialogue', 'expert-group', 'assessment-meeting']);
export type MeetingMethod = z.infer<typeof MeetingMethod>;
export const ParticipantKind = z.enum(['client', 'close-one', 'professional', 'ngo-worker', 'support-person', 'experience-expert', 'interpreter', 'other']);
export const NetworkGroup = z.enum(['close-one', 'professional', 'ngo-worker', 'support-person', 'experience-expert', 'other']);

export const MeetingIdParams = z.object({ id: z.string().max(64) });

export const ParticipantInput = z.object({
  name: text(120),
  role: text(80),
  kind: ParticipantKind.default('professional'),
  userId: z.string().uuid().optional(),
  organizationId: z.string().uuid().optional(),
});

export const NetworkMapEntry = z.object({
  name: text(120),
  relation: text(80),
  group: NetworkGroup,
  organizationId: z.string().uuid().nullish(),
  note: z.string().trim().max(300).nullish(),
});

export const CreateMeetingRequest = z.object({
  startsAt: z.string().datetime({ offset: true }),
  durationMinutes: z.number().int().min(15).max(480).default(90),
  place: z.string().trim().max(200).optional(),
  method: MeetingMethod.default('network-meeting'),
  purpose: z.string().trim().max(1000).optional(),
  participants: z.array(ParticipantInput).min(1).max(40),
  agenda: z.array(text(300)).max(30).optional(),
  clientQuestions: z.array(text(500)).max(20).default([]),
  networkMap: z.array(NetworkMapEntry).max(60).default([]),
  chairName: z.string().trim().max(120).optional(),
  noteTakerName: z.string().trim().max(120).optional(),
});
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;

export const Created = z.object({ id: z.string().uuid() });

export const DecisionInput = z.object({
  what: text(500),
  responsibleUserId: z.string().uuid().optional(),
  responsibleName: z.string().trim().max(120).optional(),
  due: IsoDate,
  /** Links the decision to an existing action of the client's plan … */
  planActionId: z.string().uuid().optional(),
  /** … or makes it a new plan action (same what, responsible and due): the plan gets a new version. */
  addToPlan: z.boolean().optional(),
});

export const RecordMinutesRequest = z.object({
  summary: text(10_000),
  decisions: z.array(DecisionInput).max(40),
  feedbackRound: z.string().trim().max(4000).optional(),
  clientChecklist: z.array(text(300)).max(30).optional(),
  chairName: z.string().trim().max(120).optional(),
  noteTakerName: z.string().trim().max(120).optional(),
});
export type RecordMinutesRequest = z.infer<typeof RecordMinutesRequest>;

export const ApproveMinutesRequest = z.object({ note: z.string().trim().max(1000).optional() });

export const MeetingTask = z.object({
  id: z.string().uuid(),
  title: z.string(),
  ownerName: z.string(),
  ownerUserId: z.string().nullable(),
  due: z.string(),
  status: z.enum(['open', 'done', 'not-done']),
  planActionId: z.string().nullable(),
});

export const MeetingParticipant = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  kind: z.string(),
  userId: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
});

export const MeetingSummary = z.object({
  id: z.string().uuid(),
  clientId: z.string().uuid(),
  clientName: z.string(),
  startsAt: z.string(),
  place: z.string(),
  method: MeetingMethod,
  status: z.enum(['planned', 'held', 'cancelled']),
  participantCount: z.number(),
  minutesRecorded: z.boolean(),
  clientApproved: z.boolean(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingDetail = MeetingSummary.extend({
  organizationId: z.string(),
  durationMinutes: z.number(),
  purpose: z.string(),
  agenda: z.array(z.string()),
  clientQuestions: z.array(z.string()),
  networkMap: z.array(NetworkMapEntry),
  participants: z.array(MeetingParticipant),
  chairName: z.string().nullable(),
  noteTakerName: z.string().nullable(),
  minutesSummary: z.string().nullable(),
  feedbackRound: z.string().nullable(),
  clientChecklist: z.array(z.string()),
  minutesRecordedAt: z.string().nullable(),
  clientApprovedAt: z.string().nullable(),
  clientApprovalNote: z.string().nullable(),
  decisions: z.array(MeetingTask),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const MeetingList = z.object({ items: z.array(MeetingSummary) });
export type MeetingList = z.infer<typeof MeetingList>;

export const RecordMinutesResponse = z.object({
  id: z.string().uuid(),
  tasks: z.array(MeetingTask),
  /** The plan version the decisions produced, when any decision became a new plan action. */
  planVersion: z.number().int().nullable(),
});

/** Clients the worker may call a meeting for, with the people the system already knows around them. */
export const MeetingClientOptions = z.object({
  items: z.array(z.object({ id: z.string().uuid(), name: z.string(), level: z.string() })),
});
export const MeetingDefaults = z.object({
  agenda: z.array(z.string()),
  clientName: z.string(),
  suggestedParticipants: z.array(ParticipantInput.extend({ kind: ParticipantKind })),
  networkMap: z.array(NetworkMapEntry),
});
export type MeetingDefaults = z.infer<typeof MeetingDefaults>;
