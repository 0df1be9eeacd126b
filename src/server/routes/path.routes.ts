import { ClientPath } from '../../contracts/path.contracts.js';
import { ClientIdParams } from '../../contracts/plans.contracts.js';
import { getClientPath } from '../../domain/path/index.js';
import { defineRoute, type AnyRoute } from '../route.js';

/** The client's path (asiakaspolku) across organisations, in four phases, interfaces marked. */
export const pathRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/clients/:id/path',
    summary: "The client's path: steps in time order in the four phases, sectors per step, interfaces marked",
    tags: ['path'],
    clientData: { param: 'id' },
    params: ClientIdParams,
    response: ClientPath,
    handler: ({ params, actor, tx }) => tx((t) => getClientPath(t, actor, params.id)),
  }),
];
