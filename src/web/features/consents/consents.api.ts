import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ConsentList, CreateConsentRequest } from '../../../contracts/consents.contracts.js';

export interface AccessLogItem { at: string; user: string | null; organization: string | null; action: string; basis: string | null; allowed: boolean }
export interface OrganizationOption { id: string; name: string }

export const consentKeys = { list: (clientId: string) => ['consents', clientId] as const, log: (clientId: string) => ['access-log', clientId] as const };

export const useConsents = (clientId: string) => useQuery({ queryKey: consentKeys.list(clientId), queryFn: () => api.get<ConsentList>(`/clients/${clientId}/consents`) });
export const useAccessLog = (clientId: string) =>
  useQuery({ queryKey: consentKeys.log(clientId), queryFn: () => api.get<{ items: AccessLogItem[] }>(`/clients/${clientId}/access-log`) });

/** Organisations to choose as recipients, from the open HSDS directory of the county. */
export const useOrganizations = () =>
  useQuery({
    queryKey: ['organizations', 'hsds'],
    queryFn: async () => {
      const res = await fetch('/api/hsds/v3/organizations?per_page=100', { credentials: 'same-origin' });
      const body = (await res.json()) as { contents?: { id: string; name: string }[] };
      return (body.contents ?? []).map((o) => ({ id: o.id, name: o.name })) as OrganizationOption[];
    },
  });

export function useGiveConsent(clientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateConsentRequest) => api.post<{ id: string }>(`/clients/${clientId}/consents`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['consents', clientId] }),
  });
}

export function useRevokeConsent(clientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; reason?: string }) => api.post(`/consents/${input.id}/revoke`, { reason: input.reason }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['consents', clientId] });
      void client.invalidateQueries({ queryKey: ['referrals'] });
    },
  });
}
