import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndRelationshipRequest, HandoverList, HandoverView, StartHandoverRequest } from '../../../contracts/handover.contracts.js';
import type { ReferralList } from '../../../contracts/referrals.contracts.js';
import type { Relationship, StartRelationshipRequest, UpdateRelationshipRequest, Worker } from '../../../contracts/relationships.contracts.js';
import { api } from '../../api/client.js';

/** Everything under the client's key is refetched after a change: the client page shows relationships too. */
const clientKey = (clientId: string) => ['clients', clientId] as const;
export const relationshipKeys = {
  list: (clientId: string) => [...clientKey(clientId), 'relationships'] as const,
  handovers: (clientId: string) => [...clientKey(clientId), 'handovers'] as const,
  referrals: (clientId: string) => [...clientKey(clientId), 'referrals'] as const,
};

export const useRelationships = (clientId: string) =>
  useQuery({
    queryKey: relationshipKeys.list(clientId),
    queryFn: ({ signal }) => api.get<{ items: Relationship[] }>(`/clients/${clientId}/relationships?includeEnded=true`, { signal }),
    retry: false,
  });
export const useWorkers = () =>
  useQuery({ queryKey: ['relationships', 'workers'], queryFn: ({ signal }) => api.get<{ items: Worker[] }>('/relationships/workers', { signal }), staleTime: 60_000 });
export const useHandovers = (clientId: string) =>
  useQuery({ queryKey: relationshipKeys.handovers(clientId), queryFn: ({ signal }) => api.get<HandoverList>(`/clients/${clientId}/handovers`, { signal }) });
export const useClientReferrals = (clientId: string) =>
  useQuery({ queryKey: relationshipKeys.referrals(clientId), queryFn: ({ signal }) => api.get<ReferralList>(`/clients/${clientId}/referrals`, { signal }) });

export function useRelationshipMutations(clientId: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: clientKey(clientId) });
  return {
    start: useMutation({ mutationFn: (b: StartRelationshipRequest) => api.post<Relationship>(`/clients/${clientId}/relationships`, b), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, ...b }: UpdateRelationshipRequest & { id: string }) => api.patch<Relationship>(`/clients/${clientId}/relationships/${id}`, b),
      onSuccess,
    }),
    // Ending or handing over may end the actor's own access to the client: the caches are updated
    // from the answer instead of fetched again (a refetch would answer 404 by design).
    end: useMutation({
      mutationFn: ({ id, ...b }: EndRelationshipRequest & { id: string }) => api.post<{ relationshipId: string; endedAt: string }>(`/relationships/${id}/end`, b),
      onSuccess: (res) =>
        qc.setQueryData<{ items: Relationship[] }>(relationshipKeys.list(clientId), (old) =>
          old && { items: old.items.map((r) => (r.id === res.relationshipId ? { ...r, endedAt: res.endedAt } : r)) },
        ),
    }),
    startHandover: useMutation({ mutationFn: (b: StartHandoverRequest) => api.post<{ id: string }>(`/clients/${clientId}/handovers`, b), onSuccess }),
    meeting: useMutation({
      mutationFn: ({ id, at, held }: { id: string; at: string; held: boolean }) => api.post<HandoverView>(`/handovers/${id}/joint-meeting`, { at, held }),
      onSuccess,
    }),
    confirm: useMutation({
      mutationFn: ({ id, how }: { id: string; how: string }) => api.post<HandoverView>(`/handovers/${id}/client-confirmation`, { how }),
      onSuccess: (done) =>
        qc.setQueryData<HandoverList>(relationshipKeys.handovers(clientId), (old) => old && { items: old.items.map((h) => (h.id === done.id ? done : h)) }),
    }),
  };
}

export const formatDate = (iso: string, lang: string) => new Date(iso).toLocaleDateString(lang === 'sv' ? 'sv-FI' : lang === 'en' ? 'en-GB' : 'fi-FI');
export const formatDateTime = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'sv' ? 'sv-FI' : lang === 'en' ? 'en-GB' : 'fi-FI', { dateStyle: 'short', timeStyle: 'short' });
