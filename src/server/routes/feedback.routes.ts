import {
  FeedbackInvitationList, QuestionnairesQuery, QuestionnairesResponse, SubmitFeedbackRequest, SubmitFeedbackResponse,
} from '../../contracts/feedback.contracts.js';
import { clientInvitations, questionnairesFor, respondentOf, submitFeedback } from '../../domain/feedback/index.js';
import { notFound } from '../../domain/shared/errors.js';
import { defineRoute, type AnyRoute } from '../route.js';

const tags = ['feedback'];

/** PAKU quality-criteria feedback: clients on the encounter, professionals on themselves, managers on structures. */
export const feedbackRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/feedback/questionnaires',
    summary: "The questionnaires of seed 002 with the items of the caller's respondent group (or ?respondent=)",
    tags,
    query: QuestionnairesQuery,
    response: QuestionnairesResponse,
    handler: async ({ query, actor, lang }) => questionnairesFor(query.respondent ?? respondentOf(actor), lang),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/feedback/responses',
    summary: 'Answer a questionnaire (anonymous; clients answer an invitation once)',
    tags,
    body: SubmitFeedbackRequest,
    status: 201,
    response: SubmitFeedbackResponse,
    handler: ({ body, actor, tx }) => tx((t) => submitFeedback(t, actor, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/feedback/invitations',
    summary: "The client's open invitations to give feedback (after a meeting, at the ending)",
    tags,
    auth: ['client'],
    response: FeedbackInvitationList,
    handler: ({ actor, tx }) => {
      if (!actor.clientId) throw notFound();
      return tx((t) => clientInvitations(t, actor, actor.clientId!));
    },
  }),
];
