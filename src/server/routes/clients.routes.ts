import {
  ClientDetail,
  ClientList,
  ClientSearchQuery,
  CloseOneInput,
  CreateClientRequest,
  CreatedClient,
  IdParams,
  JoinHouseholdRequest,
  UpdateClientRequest,
} from '../../contracts/clients.contracts.js';
import { addCloseOne, getClient, joinHousehold, registerClient, searchClients, updateClient } from '../../domain/clients/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

export const clientsRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients',
    summary: 'Register a client (duplicate check); starts an advice-level client relationship in the caller’s organisation',
    tags: ['clients'],
    auth: 'professional',
    body: CreateClientRequest,
    status: 201,
    response: CreatedClient,
    handler: ({ body, actor, tx }) =>
      tx(async (t) => {
        const { id, linkedExisting } = await registerClient(t, actor, body);
        return { ...(await getClient(t, actor, id, { audited: true })), linkedExisting };
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients',
    summary: 'Search clients by name among those the caller may see',
    tags: ['clients'],
    query: ClientSearchQuery,
    response: ClientList,
    handler: ({ query, actor, tx }) => tx((t) => searchClients(t, actor, query.q, query.limit)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id',
    summary: 'One client’s record (404 when the caller may not see the client)',
    tags: ['clients'],
    clientData: { param: 'id' },
    params: IdParams,
    response: ClientDetail,
    handler: ({ params, actor, tx }) => tx((t) => getClient(t, actor, params.id)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/clients/:id',
    summary: 'Update contact details and preferences (language, channel, address non-disclosure)',
    tags: ['clients'],
    auth: 'professional',
    clientData: { param: 'id' },
    params: IdParams,
    body: UpdateClientRequest,
    response: ClientDetail,
    handler: ({ params, body, actor, tx }) => tx((t) => updateClient(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/close-ones',
    summary: 'Add a close one or guardian (SHL 43 §)',
    tags: ['clients'],
    auth: 'professional',
    clientData: { param: 'id' },
    params: IdParams,
    body: CloseOneInput,
    status: 201,
    response: ClientDetail,
    handler: ({ params, body, actor, tx }) => tx((t) => addCloseOne(t, actor, params.id, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/clients/:id/household',
    summary: 'Put two clients into one household (the family as one unit of work)',
    tags: ['clients'],
    auth: 'professional',
    clientData: { param: 'id' },
    params: IdParams,
    body: JoinHouseholdRequest,
    response: ClientDetail,
    handler: ({ params, body, actor, tx }) => tx((t) => joinHousehold(t, actor, params.id, body.withClientId, body.name)),
  }),
];
