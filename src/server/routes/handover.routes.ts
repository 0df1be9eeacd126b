import { z } from 'zod';
import {
  ClientConfirmationRequest, EndRelationshipRequest, EndRelationshipResponse, HandoverList, HandoverView, JointMeetingRequest, StartHandoverRequest,
} from '../../contracts/handover.contracts.js';
import { confirmByClient, endRelationship, listClientHandovers, recordJointMeeting, startHandover } from '../../domain/handover/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

const tags = ['handover'];
const IdParams = z.object({ id: z.string().max(64) });

export const handoverRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/handovers',
    summary: 'Start a warm handover (saattaen vaihtaen): a handover referral and a handover summary',
    tags,
    auth: 'professional',
    clientData: { param: 'id' },
    params: IdParams,
    body: StartHandoverRequest,
    status: 201,
    response: z.object({ id: z.string().uuid(), referralId: z.string().uuid() }),
    handler: ({ params, body, actor, tx }) => tx((t) => startHandover(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/handovers',
    summary: 'The client’s handovers and their missing steps',
    tags,
    clientData: { param: 'id' },
    params: IdParams,
    response: HandoverList,
    handler: ({ params, actor, tx }) => tx((t) => listClientHandovers(t, actor, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/handovers/:id/joint-meeting',
    summary: 'Schedule or record the joint meeting of the client, the previous and the new worker',
    tags,
    auth: 'professional',
    params: IdParams,
    body: JointMeetingRequest,
    response: HandoverView,
    handler: ({ params, body, actor, tx }) => tx((t) => recordJointMeeting(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/handovers/:id/client-confirmation',
    summary: 'The client confirms the handover; responsibility moves to the new worker',
    tags,
    params: IdParams,
    body: ClientConfirmationRequest,
    response: HandoverView,
    handler: ({ params, body, actor, tx }) => tx((t) => confirmByClient(t, actor, params.id, body.how)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/relationships/:id/end',
    summary: 'End a client relationship: final evaluation, mutual feedback, continuation plan, network informed',
    tags,
    auth: 'professional',
    params: IdParams,
    body: EndRelationshipRequest,
    status: 201,
    response: EndRelationshipResponse,
    handler: ({ params, body, actor, tx }) => tx((t) => endRelationship(t, actor, params.id, body)),
  }),
];
