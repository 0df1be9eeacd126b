import type { AnyRoute } from '../route.js';
import { authRoutes } from './auth.routes.js';
import { catalogRoutes } from './catalog.routes.js';
import { hsdsRoutes } from './hsds.routes.js';
import { systemRoutes } from './system.routes.js';
import { meetingsRoutes } from './meetings.routes.js';
import { followupRoutes } from './followup.routes.js';
import { pathRoutes } from './path.routes.js';
import { planRoutes } from './plans.routes.js';
import { relationshipRoutes } from './relationships.routes.js';
import { assessmentRoutes } from './assessment.routes.js';
import { clientsRoutes } from './clients.routes.js';
import { concernsRoutes } from './concerns.routes.js';
import { guidanceRoutes } from './guidance.routes.js';
import { portalRoutes } from './portal.routes.js';
import { feedbackRoutes } from './feedback.routes.js';
import { reportsRoutes } from './reports.routes.js';
import { consentsRoutes } from './consents.routes.js';
import { referralsRoutes } from './referrals.routes.js';
import { handoverRoutes } from './handover.routes.js';
import { accessLogRoutes } from './access-log.routes.js';
import { absenceRoutes } from './absence.routes.js';

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
    ...meetingsRoutes, ...followupRoutes,
    ...clientsRoutes, ...concernsRoutes, ...assessmentRoutes, ...guidanceRoutes,
    ...planRoutes, ...pathRoutes, ...relationshipRoutes,
    ...catalogRoutes, ...hsdsRoutes,
    ...portalRoutes, ...feedbackRoutes, ...reportsRoutes,
    ...consentsRoutes, ...referralsRoutes, ...handoverRoutes, ...accessLogRoutes,
    ...absenceRoutes,
  );
  return routes;
}
