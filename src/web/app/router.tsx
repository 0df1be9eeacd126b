import { lazy } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { LOGIN_PATH, RequireSession, useCurrentUser } from './auth.js';
import { RouteErrorPage } from './error-page.js';
import { LoginPage } from './login-page.js';
import { homePathFor, PORTAL_PATH, PROFESSIONAL_MODULES, PUBLIC_CATALOG_PATH, type ProfessionalModule } from './modules.js';
import { ForbiddenPage, NotFoundPage } from './not-found-page.js';
import { PortalFrame } from './portal-frame.js';
import { ProfessionalFrame } from './professional-frame.js';
import { PublicFrame } from './public-frame.js';

// Created once: React.lazy must get the same component on every render.
const modulePages = new Map(PROFESSIONAL_MODULES.map((module) => [module.key, lazy(module.load)]));
const PortalPage = lazy(() => import('../features/portal/portal.page.js'));
const PublicCatalogPage = lazy(() => import('../features/catalog-public/catalog-public.page.js'));
const PlanPage = lazy(() => import('../features/plans/plan.page.js'));
const PathPage = lazy(() => import('../features/path/path.page.js'));
const RelationshipsPage = lazy(() => import('../features/relationships/relationships.page.js'));

function ModuleRoute({ module }: { module: ProfessionalModule }) {
  const user = useCurrentUser();
  const Page = modulePages.get(module.key);
  if (!Page || !module.roles.includes(user.role)) return <ForbiddenPage />;
  return <Page />;
}

function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={homePathFor(user.role)} replace />;
}

// Layout routes carry no path; page routes end in /* so a feature can own its sub-pages with its own <Routes>.
const routes: RouteObject[] = [
  { path: LOGIN_PATH, element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <PublicFrame />,
    errorElement: <RouteErrorPage />,
    children: [{ path: `${PUBLIC_CATALOG_PATH}/*`, element: <PublicCatalogPage /> }],
  },
  {
    element: (
      <RequireSession audience="client">
        <PortalFrame />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
    children: [{ path: `${PORTAL_PATH}/*`, element: <PortalPage /> }],
  },
  {
    path: '/',
    element: (
      <RequireSession audience="professional">
        <ProfessionalFrame />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'asiakkaat/:id/suunnitelma', element: <PlanPage /> },
      { path: 'asiakkaat/:id/polku', element: <PathPage /> },
      { path: 'asiakkaat/:id/asiakkuudet', element: <RelationshipsPage /> },
      ...PROFESSIONAL_MODULES.map((module) => ({ path: `${module.path.slice(1)}/*`, element: <ModuleRoute module={module} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
