import { Concern, ConcernList, CreateConcernRequest, IdParams, ReceiveConcernRequest } from '../../contracts/clients.contracts.js';
import { inbox, listClientConcerns, listRaisedConcerns, raiseConcern, receiveConcern } from '../../domain/concerns/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

export const concernsRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/concerns',
    summary: 'Record a concern (huoli) and route it: advice, SHL 35 § contact with or without consent, child-protection notification',
    tags: ['concerns'],
    body: CreateConcernRequest,
    status: 201,
    response: Concern,
    handler: ({ body, actor, tx }) => tx((t) => raiseConcern(t, actor, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/concerns/raised',
    summary: 'Concerns the caller has raised, with whether social services received them',
    tags: ['concerns'],
    response: ConcernList,
    handler: ({ actor, tx }) => tx((t) => listRaisedConcerns(t, actor)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/concerns/inbox',
    summary: 'Social-services inbox of contacts and notifications, urgent first',
    tags: ['concerns'],
    auth: ['social-worker', 'social-instructor'],
    response: ConcernList,
    handler: ({ actor, tx }) => tx((t) => inbox(t, actor)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/concerns/:id/receive',
    summary: 'Acknowledge a contact: the raiser sees it was received; a client relationship opens for assessment',
    tags: ['concerns'],
    auth: ['social-worker', 'social-instructor'],
    params: IdParams,
    body: ReceiveConcernRequest,
    response: Concern,
    handler: ({ params, body, actor, tx }) => tx((t) => receiveConcern(t, actor, params.id, body.note ?? null)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/concerns',
    summary: 'Concerns recorded about the client',
    tags: ['concerns'],
    clientData: { param: 'id' },
    params: IdParams,
    response: ConcernList,
    handler: ({ params, actor, tx }) => tx((t) => listClientConcerns(t, actor, params.id)),
  }),
];
