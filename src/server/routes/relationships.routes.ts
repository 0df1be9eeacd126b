import { z } from 'zod';
import { ClientIdParams } from '../../contracts/plans.contracts.js';
import {
  ClientNotificationList,
  Relationship,
  RelationshipList,
  RelationshipParams,
  StartRelationshipRequest,
  UpdateRelationshipRequest,
} from '../../contracts/relationships.contracts.js';
import { listClientRelationships, listNotifications, startRelationship, updateRelationship } from '../../domain/relationships/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

const clientData = { param: 'id' };
const tags = ['relationships'];

/** Client relationships (asiakkuus) with the responsible worker, and what the client has been told. */
export const relationshipRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/relationships',
    summary: 'Client relationships with responsible and backup worker and coordination responsibility',
    tags,
    clientData,
    params: ClientIdParams,
    query: z.object({ includeEnded: z.enum(['true', 'false']).default('false') }),
    response: RelationshipList,
    handler: ({ params, query, actor, tx }) => tx((t) => listClientRelationships(t, actor, params.id, query.includeEnded === 'true')),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/relationships',
    summary: "Start a relationship in the actor's organisation and name the responsible worker (the client is told)",
    tags,
    auth: 'professional',
    clientData,
    params: ClientIdParams,
    body: StartRelationshipRequest,
    status: 201,
    response: Relationship,
    handler: ({ params, body, actor, tx }) => tx((t) => startRelationship(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/clients/:id/relationships/:relationshipId',
    summary: 'Change worker, backup, level or coordination, or end the relationship (the client is told)',
    tags,
    auth: 'professional',
    clientData,
    params: RelationshipParams,
    body: UpdateRelationshipRequest,
    response: Relationship,
    handler: ({ params, body, actor, tx }) => tx((t) => updateRelationship(t, actor, params.id, params.relationshipId, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/notifications',
    summary: 'What the client has been told (new relationship, new worker, plan updated), in plain language',
    tags,
    clientData,
    params: ClientIdParams,
    response: ClientNotificationList,
    handler: ({ params, actor, tx, lang }) => tx((t) => listNotifications(t, actor, params.id, lang)),
  }),
];
