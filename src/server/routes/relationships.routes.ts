import { z } from 'zod';
import { ClientIdParams } from '../../contracts/plans.contracts.js';
import {
  ClientNotificationList,
  MarkClientNotificationsReadRequest,
  Relationship,
  RelationshipList,
  RelationshipParams,
  StartRelationshipRequest,
  UpdateRelationshipRequest,
  WorkerList,
} from '../../contracts/relationships.contracts.js';
import {
  listClientRelationships,
  listNotifications,
  listOwnWorkers,
  markClientNotificationsRead,
  startRelationship,
  updateRelationship,
} from '../../domain/relationships/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

const clientData = { param: 'id' };
const tags = ['relationships'];

/** Client relationships (asiakkuus) with the responsible worker, and what the client has been told. */
export const relationshipRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/relationships/workers',
    summary: "Active professionals of the caller's organisation: who can be named responsible worker or backup",
    tags,
    auth: 'professional',
    response: WorkerList,
    handler: ({ actor, tx }) => tx((t) => listOwnWorkers(t, actor)),
  }),
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
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/notifications/read',
    summary: 'The client marks notifications read (only the client themselves); returns the list',
    tags,
    clientData,
    params: ClientIdParams,
    body: MarkClientNotificationsReadRequest,
    response: ClientNotificationList,
    handler: ({ params, body, actor, tx, lang }) => tx((t) => markClientNotificationsRead(t, actor, params.id, body.ids, lang)),
  }),
];
