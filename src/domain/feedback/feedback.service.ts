import type { Tx } from '../../db/schema.js';
import { finnishCalendarDate } from '../shared/calendar.js';
import type { FeedbackInvitation, QuestionnairesResponse, SubmitFeedbackRequest } from '../../contracts/feedback.contracts.js';
import { requireClientAccess } from '../access/index.js';
import { ageOn, clientGroupForAge } from '../clients/index.js';
import type { Actor } from '../identity/actor.js';
import { AppError, badRequest, conflict, forbidden, notFound, type Lang } from '../shared/errors.js';
import { aggregate, itemsFor, validateAnswers, type FeedbackAggregate, type QuestionnaireResponse } from './feedback.rules.js';
import { INVITATION_DAYS, questionnaireFor, respondentFor } from './feedback.invitation.rules.js';
import * as repo from './feedback.repository.js';
import { QUESTIONNAIRES, SCALE_LABELS } from './questionnaires.data.js';
import type { QuestionnaireId, Rating, Respondent } from './questionnaires.types.js';

/** The questionnaires in the reader's language, with only the items the respondent group answers. */
export function questionnairesFor(respondent: Respondent, lang: Lang): QuestionnairesResponse {
  return {
    respondent,
    scale: ([1, 2, 3, 4, 5] as Rating[]).map((value) => ({ value, label: SCALE_LABELS[value][lang] })),
    questionnaires: QUESTIONNAIRES.map((q) => ({
      id: q.id,
      title: q.title[lang],
      groups: q.groups
        .map((g) => ({ id: g.id, title: g.title[lang], items: g.items.filter((i) => i.respondent === respondent).map((i) => ({ id: i.id, text: i.text[lang] })) }))
        .filter((g) => g.items.length > 0),
    })).filter((q) => q.groups.length > 0),
  };
}

export function respondentOf(actor: Actor): Respondent {
  const respondent = respondentFor(actor.role);
  if (!respondent) throw forbidden();
  return respondent;
}

/** Meetings held and relationships ended lately that the client has not yet given feedback on. */
export async function clientInvitations(tx: Tx, actor: Actor, clientId: string, now = new Date()): Promise<{ items: FeedbackInvitation[] }> {
  await requireClientAccess(tx, actor, clientId, { action: 'feedback.invitations', resource: 'feedback' });
  const rows = await repo.pendingInvitations(tx, clientId, new Date(now.getTime() - INVITATION_DAYS * 86_400_000));
  return {
    items: rows.map((r) => ({
      type: r.ref_type, id: r.ref_id, at: new Date(r.at).toISOString(), organizationName: r.organization_name,
      questionnaireId: questionnaireFor(r.sector, r.level),
    })),
  };
}

const invalidAnswers = (errors: ReturnType<typeof validateAnswers>['errors']) =>
  badRequest(
    'invalid_answers',
    {
      fi: `Tarkista vastaukset: ${errors.map((e) => (e.itemId ? `${e.itemId}: ` : '') + e.message.fi).join(' ')}`,
      sv: `Kontrollera svaren: ${errors.map((e) => (e.itemId ? `${e.itemId}: ` : '') + e.message.sv).join(' ')}`,
      en: `Check the answers: ${errors.map((e) => (e.itemId ? `${e.itemId}: ` : '') + e.message.en).join(' ')}`,
    },
    { problems: errors.map((e) => ({ itemId: e.itemId, code: e.code })) },
  );

const invitationRequired = () =>
  badRequest('invitation_required', {
    fi: 'Asiakaspalaute annetaan kutsusta tapaamisen jälkeen tai asiakkuuden päättyessä.',
    sv: 'Klientrespons ges på inbjudan efter ett möte eller när klientrelationen avslutas.',
    en: 'Client feedback is given on an invitation after a meeting or when the client relationship ends.',
  });

/**
 * Saves one anonymous response. Clients answer an open invitation once (the receipt says they did,
 * apart from the answers); professionals and managers answer their own items whenever they review.
 */
export async function submitFeedback(tx: Tx, actor: Actor, input: SubmitFeedbackRequest, now = new Date()) {
  const respondent = respondentOf(actor);
  const questionnaire = QUESTIONNAIRES.find((q) => q.id === input.questionnaireId)!;
  const check = validateAnswers(questionnaire, respondent, input.answers);
  if (!check.valid) throw invalidAnswers(check.errors);
  const ratings = itemsFor(questionnaire, respondent).flatMap((i) => {
    const v = input.answers[i.id];
    return typeof v === 'number' ? [[i.id, v] as [string, number]] : [];
  });

  let where = { organizationId: actor.organizationId as string | null, unitId: actor.unitId, clientGroup: null as string | null };
  if (respondent === 'client') where = await answerInvitation(tx, actor, input, now);
  else await repo.insertReceipt(tx, { countyCode: actor.countyCode, organizationId: actor.organizationId, clientId: null, userId: actor.userId, questionnaireId: questionnaire.id, refType: null, refId: null });

  await repo.insertResponse(tx, { countyCode: actor.countyCode, ...where, questionnaireId: questionnaire.id, respondent, clientGroup: where.clientGroup, submittedOn: finnishCalendarDate(now) }, ratings);
  return { received: true as const, answered: check.answered };
}

async function answerInvitation(tx: Tx, actor: Actor, input: SubmitFeedbackRequest, now: Date) {
  const clientId = actor.clientId;
  if (!clientId) throw notFound();
  if (!input.invitation) throw invitationRequired();
  await requireClientAccess(tx, actor, clientId, { action: 'feedback.submit', resource: 'feedback' });
  const open = await repo.pendingInvitations(tx, clientId, new Date(now.getTime() - INVITATION_DAYS * 86_400_000));
  const invitation = open.find((o) => o.ref_type === input.invitation!.type && o.ref_id === input.invitation!.id);
  if (!invitation) {
    throw conflict('invitation_closed', {
      fi: 'Tähän kutsuun on jo vastattu, tai se ei ole enää voimassa.',
      sv: 'Inbjudan har redan besvarats eller gäller inte längre.',
      en: 'This invitation has already been answered or is no longer open.',
    });
  }
  if (questionnaireFor(invitation.sector, invitation.level) !== input.questionnaireId) {
    throw new AppError(400, 'wrong_questionnaire', {
      fi: 'Kutsu koskee toista palveluohjauksen osaa.',
      sv: 'Inbjudan gäller en annan del av servicehandledningen.',
      en: 'The invitation is about another part of service guidance.',
    });
  }
  const fresh = await repo.insertReceipt(tx, {
    countyCode: actor.countyCode, organizationId: invitation.organization_id, clientId, userId: null,
    questionnaireId: input.questionnaireId, refType: invitation.ref_type, refId: invitation.ref_id,
  });
  if (!fresh) throw conflict('invitation_closed', { fi: 'Tähän kutsuun on jo vastattu.', sv: 'Inbjudan har redan besvarats.', en: 'This invitation has already been answered.' });
  const birth = await repo.clientBirthDate(tx, clientId);
  return {
    organizationId: invitation.organization_id,
    unitId: invitation.unit_id,
    clientGroup: birth ? clientGroupForAge(ageOn(birth, now)) : null,
  };
}

/** Averages by part, group and item over the filter; any cell under `minGroupSize` answers is hidden. */
export async function feedbackScores(tx: Tx, filter: repo.FeedbackFilter, minGroupSize = 5): Promise<FeedbackAggregate> {
  const rows = await repo.answersInPeriod(tx, filter);
  const byResponse = new Map<string, QuestionnaireResponse & { answers: Record<string, number> }>();
  for (const r of rows) {
    let response = byResponse.get(r.response_id);
    if (!response) {
      response = { questionnaireId: r.questionnaire_id as QuestionnaireId, respondent: r.respondent as Respondent, answers: {} };
      byResponse.set(r.response_id, response);
    }
    response.answers[r.item_id] = Number(r.rating);
  }
  return aggregate([...byResponse.values()], minGroupSize);
}
