import { z } from 'zod';

/** PAKU quality-criteria feedback (seed 002): questionnaires, answering, invitations. */
export const QuestionnaireId = z.enum(['preventive', 'intensive', 'ngo', 'digital']);
export type QuestionnaireId = z.infer<typeof QuestionnaireId>;
export const Respondent = z.enum(['client', 'professional', 'manager']);
export type Respondent = z.infer<typeof Respondent>;
export const QualityGroupId = z.enum(['encounter', 'competence', 'cooperation', 'follow-up']);

export const QuestionnairesQuery = z.object({ respondent: Respondent.optional() });

export const QuestionnaireItemOut = z.object({ id: z.string(), text: z.string() });
export const QuestionnaireOut = z.object({
  id: QuestionnaireId,
  title: z.string(),
  groups: z.array(z.object({ id: QualityGroupId, title: z.string(), items: z.array(QuestionnaireItemOut) })),
});
export const QuestionnairesResponse = z.object({
  respondent: Respondent,
  scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
  questionnaires: z.array(QuestionnaireOut),
});
export type QuestionnairesResponse = z.infer<typeof QuestionnairesResponse>;

export const FeedbackInvitationRef = z.object({ type: z.enum(['meeting', 'ending']), id: z.string().uuid() });

export const SubmitFeedbackRequest = z.object({
  questionnaireId: QuestionnaireId,
  /** itemId → 1–5, or null for a skipped item. Checked by validateAnswers. */
  answers: z.record(z.string().max(80), z.union([z.number(), z.null()])),
  /** Clients answer an invitation (after a meeting, at the ending). */
  invitation: FeedbackInvitationRef.optional(),
});
export type SubmitFeedbackRequest = z.infer<typeof SubmitFeedbackRequest>;
/** Deliberately no id: nobody can come back to one person's answers. */
export const SubmitFeedbackResponse = z.object({ received: z.literal(true), answered: z.number().int() });

export const FeedbackInvitation = z.object({
  type: z.enum(['meeting', 'ending']),
  id: z.string().uuid(),
  at: z.string(),
  organizationName: z.string(),
  questionnaireId: QuestionnaireId,
});
export type FeedbackInvitation = z.infer<typeof FeedbackInvitation>;
export const FeedbackInvitationList = z.object({ items: z.array(FeedbackInvitation) });
export type FeedbackInvitationList = z.infer<typeof FeedbackInvitationList>;
