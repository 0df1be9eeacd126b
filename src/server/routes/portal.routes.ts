import { z } from 'zod';
import { CreateSelfAssessmentRequest, SelfAssessmentHistory } from '../../contracts/clients.contracts.js';
import { ConsentList, Created, RevokeConsentResponse } from '../../contracts/consents.contracts.js';
import { MeHandover, MeHandoverList, MeHandoverParams } from '../../contracts/handover.contracts.js';
import { MeetingSummary } from '../../contracts/meetings.contracts.js';
import { ClientPath } from '../../contracts/path.contracts.js';
import { ClientPlanView } from '../../contracts/plans.contracts.js';
import { MeAccessLog, MeConsentParams, MeGiveConsentRequest, MeOverview, MeQuery, MeRevokeConsentRequest, MeWorker } from '../../contracts/portal.contracts.js';
import { ReferralList } from '../../contracts/referrals.contracts.js';
import type { Tx } from '../../db/schema.js';
import type { Actor } from '../../domain/identity/actor.js';
import * as portal from '../../domain/portal/index.js';
import { defineRoute, type AnyRoute, type RouteContext } from '../route.js';

const tags = ['portal'];
const auth = ['client'] as const;

/** Runs a portal use case for the client, or for their child when a guardian names one (?clientId=). */
function asSubject<T>(ctx: RouteContext<unknown, z.output<typeof MeQuery>, unknown>, fn: (tx: Tx, subject: Actor) => Promise<T>) {
  return ctx.tx(async (tx) => fn(tx, await portal.subjectOf(tx, ctx.actor, ctx.query.clientId)));
}

const get = <S extends z.ZodType>(path: string, summary: string, response: S, fn: (tx: Tx, subject: Actor, ctx: RouteContext<unknown, z.output<typeof MeQuery>, unknown>) => Promise<unknown>) =>
  defineRoute({ method: 'GET', url: `/api/v1/me${path}`, summary, tags, auth, query: MeQuery, response, handler: (ctx) => asSubject(ctx, (tx, s) => fn(tx, s, ctx)) });

/** Oma polku: the client's own data, every read through the access check with basis 'self'. */
export const portalRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/me', summary: 'Who I am, the children I am the guardian of, the organisations on my path', tags, auth, response: MeOverview,
    handler: ({ actor, tx }) => tx((t) => portal.overview(t, actor)),
  }),
  get('/plan', 'My plan, the client version in plain language', ClientPlanView, (tx, s, ctx) => portal.myPlan(tx, s, ctx.lang)),
  get('/worker', 'My named worker (omatyöntekijä) and backup with contact details', MeWorker, (tx, s) => portal.myWorker(tx, s)),
  get('/meetings', 'My upcoming and recent network meetings', z.object({ upcoming: z.array(MeetingSummary), past: z.array(MeetingSummary) }), (tx, s) => portal.myMeetings(tx, s)),
  // GET /api/v1/me/tasks (my agreed tasks) is served by followup.routes.ts: one URL, one handler for workers and clients.
  get('/referrals', 'My referrals and their status', ReferralList, (tx, s) => portal.myReferrals(tx, s)),
  get('/path', 'My path in four phases', ClientPath, (tx, s) => portal.myPath(tx, s)),
  get('/self-assessments', 'My self-assessments ("Mitä sinulle kuuluu?") and how they changed', SelfAssessmentHistory, (tx, s, ctx) => portal.mySelfAssessments(tx, s, ctx.lang)),
  get('/handovers', 'My warm handovers (saattaen vaihtaen): who takes over, who is responsible until I confirm', MeHandoverList, (tx, s) => portal.myHandovers(tx, s)),
  get('/consents', 'My consents to disclose information, with their history', ConsentList, (tx, s, ctx) => portal.myConsents(tx, s, ctx.lang)),
  get('/access-log', 'Who has viewed or received my data and why, the last two years (Act 703/2023 § 11)', MeAccessLog, (tx, s, ctx) => portal.myAccessLog(tx, s, ctx.lang)),
  defineRoute({
    method: 'POST', url: '/api/v1/me/self-assessments', summary: 'Fill in my self-assessment: {answers: {area: 1..5}}', tags, auth,
    query: MeQuery, body: CreateSelfAssessmentRequest, status: 201, response: SelfAssessmentHistory,
    handler: (ctx) => asSubject(ctx, (tx, s) => portal.addSelfAssessment(tx, s, ctx.body, ctx.lang)),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/me/consents', summary: 'Give a consent electronically (as myself or as guardian)', tags, auth,
    query: MeQuery, body: MeGiveConsentRequest, status: 201, response: Created,
    handler: (ctx) => asSubject(ctx, (tx, s) => portal.giveMyConsent(tx, s, ctx.actor, ctx.body)),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/me/handovers/:handoverId/confirm', summary: 'Confirm my warm handover (or my child’s as guardian); responsibility moves to the new worker', tags, auth,
    query: MeQuery, params: MeHandoverParams, response: MeHandover,
    handler: (ctx) => asSubject(ctx, (tx, s) => portal.confirmMyHandover(tx, s, ctx.params.handoverId)),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/me/consents/:consentId/revoke', summary: 'Revoke one of my consents; takes effect at once', tags, auth,
    query: MeQuery, params: MeConsentParams, body: MeRevokeConsentRequest, response: RevokeConsentResponse,
    handler: (ctx) => asSubject(ctx, (tx, s) => portal.revokeMyConsent(tx, s, ctx.params.consentId, ctx.body.reason)),
  }),
];
