import { PROFESSIONAL_ROLES, ROLES, type DemoAccounts, type Me, type Role } from '../../contracts/auth.contracts.js';
import type { z } from 'zod';
import { api, isApiError } from './client.js';

// The contract types `role` as a plain string; the web app narrows it to the known roles.
export { PROFESSIONAL_ROLES, ROLES, type Role };

export type CurrentUser = Omit<Me, 'role'> & { role: Role };

export type DemoAccount = z.infer<typeof DemoAccounts>['items'][number];

/** The signed-in user, or null when there is no valid session. */
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/auth/me');
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function logIn(username: string, password: string): Promise<unknown> {
  return api.post('/auth/login', { username, password });
}

export function logOut(): Promise<unknown> {
  return api.post('/auth/logout');
}

/** Demo logins exist only when the server runs in demo mode; otherwise the list is empty. */
export async function fetchDemoAccounts(): Promise<DemoAccount[]> {
  try {
    const result = await api.get<{ items?: DemoAccount[] }>('/auth/demo-accounts');
    return Array.isArray(result?.items) ? result.items : [];
  } catch (error) {
    if (isApiError(error) && [401, 403, 404].includes(error.status)) return [];
    throw error;
  }
}
