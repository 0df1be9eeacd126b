import {
  ActionParams,
  ActionStatusRequest,
  ClientIdParams,
  ClientPlanView,
  CommitmentRequest,
  CreatePlanRequest,
  LangQuery,
  Plan,
  PlanVersionDetail,
  PlanVersionList,
  PlanVersionParams,
  UpdatePlanRequest,
} from '../../contracts/plans.contracts.js';
import {
  confirmCommitment,
  createPlan,
  getClientPlanVersion,
  getPlan,
  getPlanVersion,
  listPlanVersions,
  renderClientPlanPdf,
  setActionStatus,
  updatePlan,
} from '../../domain/plans/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

const clientData = { param: 'id' };
const tags = ['plans'];

/** The one shared client plan (asiakassuunnitelma): read, create, edit with versions, confirm, print. */
export const planRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/plan',
    summary: "The client's shared plan (asiakassuunnitelma), current version",
    tags,
    clientData,
    params: ClientIdParams,
    response: Plan,
    handler: ({ params, actor, tx }) => tx((t) => getPlan(t, actor, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/plan',
    summary: 'Open the one shared plan of a client or a family (409 if the client already has one)',
    tags,
    auth: 'professional',
    clientData,
    params: ClientIdParams,
    body: CreatePlanRequest,
    status: 201,
    response: Plan,
    handler: ({ params, body, actor, tx }) => tx((t) => createPlan(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/clients/:id/plan',
    summary: 'Save a new version of the plan; `version` is the one edited (409 stale_version if another edit came first)',
    tags,
    auth: 'professional',
    clientData,
    params: ClientIdParams,
    body: UpdatePlanRequest,
    response: Plan,
    handler: ({ params, body, actor, tx }) => tx((t) => updatePlan(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/clients/:id/plan/actions/:actionId',
    summary: "Change one action's status (a new plan version)",
    tags,
    auth: 'professional',
    clientData,
    params: ActionParams,
    body: ActionStatusRequest,
    response: Plan,
    handler: ({ params, body, actor, tx }) => tx((t) => setActionStatus(t, actor, params.id, params.actionId, body.version, body.status)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/plan/commitments',
    summary: 'A participant confirms its commitment to the current version',
    tags,
    clientData,
    params: ClientIdParams,
    body: CommitmentRequest,
    response: Plan,
    handler: ({ params, body, actor, tx }) => tx((t) => confirmCommitment(t, actor, params.id, body.version, body.participantKey)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/plan/versions',
    summary: 'Who changed the plan, what and when',
    tags,
    clientData,
    params: ClientIdParams,
    response: PlanVersionList,
    handler: ({ params, actor, tx }) => tx((t) => listPlanVersions(t, actor, params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/plan/versions/:version',
    summary: 'One earlier version of the plan as it was',
    tags,
    clientData,
    params: PlanVersionParams,
    response: PlanVersionDetail,
    handler: ({ params, actor, tx }) => tx((t) => getPlanVersion(t, actor, params.id, params.version)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/plan/client-version',
    summary: "The client's version in plain language: who to contact and how, next steps",
    tags,
    clientData,
    params: ClientIdParams,
    query: LangQuery,
    response: ClientPlanView,
    handler: ({ params, query, actor, tx }) => tx((t) => getClientPlanVersion(t, actor, params.id, query.lang)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/plan.pdf',
    summary: "The client's version as a PDF (fi, sv or en)",
    tags,
    clientData,
    params: ClientIdParams,
    query: LangQuery,
    produces: 'application/pdf',
    handler: async ({ params, query, actor, tx, reply }) => {
      const view = await tx((t) => getClientPlanVersion(t, actor, params.id, query.lang, 'plan.pdf'));
      // Rendered after the transaction: it is not database work.
      const pdf = await renderClientPlanPdf(view);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="suunnitelma-v${view.version}-${query.lang}.pdf"`)
        .send(pdf);
    },
  }),
];
