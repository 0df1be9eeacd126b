import type { AnyRoute } from '../route.js';
import { authRoutes } from './auth.routes.js';
import { systemRoutes } from './system.routes.js';

/**
 * The route table. Each module contributes one array (one line below); the OpenAPI document
 * and the access-matrix test are generated from this list.
 */
export function allRoutes(): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(
    ...systemRoutes(() => routes),
    ...authRoutes,
    // module routes
  );
  return routes;
}
