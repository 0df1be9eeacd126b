import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { fetchCurrentUser, logIn, logOut, type CurrentUser } from '../api/auth.api.js';
import { LoadingState } from '../ui/index.js';
import { ErrorPage } from './error-page.js';
import { homePathFor } from './modules.js';

/** The session lives in the query cache: one source of truth, refetched after login/logout. */
export const sessionQueryKey = ['auth', 'me'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchCurrentUser,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Only for components rendered below <RequireSession>, where the user is known. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser used outside a signed-in route');
  return data;
}

/** Any 401 from the API means the session ended: forget the user so routes send them to login. */
export function forgetSessionOnUnauthorized(queryClient: QueryClient, error: unknown): void {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401 && queryClient.getQueryData(sessionQueryKey)) {
    queryClient.setQueryData(sessionQueryKey, null);
  }
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => logIn(username, password),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      await queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchCurrentUser, staleTime: 0 });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    // Client data must not stay in memory for the next person at this computer.
    onSettled: () => {
      queryClient.getQueryCache().clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}

export const LOGIN_PATH = '/kirjaudu';

type Audience = 'professional' | 'client';

/** Renders children only for a signed-in user of the given audience; others are redirected. */
export function RequireSession({ audience, children }: { audience: Audience; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <LoadingState fullPage />;
  if (session.isError) return <ErrorPage error={session.error} onRetry={() => void session.refetch()} />;
  const user = session.data;
  if (!user) {
    return <Navigate to={LOGIN_PATH} replace state={{ from: location.pathname + location.search }} />;
  }
  const userAudience: Audience = user.role === 'client' ? 'client' : 'professional';
  if (userAudience !== audience) return <Navigate to={homePathFor(user.role)} replace />;
  return <>{children}</>;
}
