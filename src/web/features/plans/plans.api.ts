import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientPlanView, Plan, UpdatePlanRequest } from '../../../contracts/plans.contracts.js';
import { api } from '../../api/client.js';

export const planKey = (clientId: string) => ['clients', clientId, 'plan'] as const;

export function usePlan(clientId: string) {
  return useQuery({ queryKey: planKey(clientId), enabled: clientId !== '', queryFn: ({ signal }) => api.get<Plan>(`/clients/${clientId}/plan`, { signal }), retry: false });
}

export function usePlanVersions(clientId: string, version: number | undefined) {
  return useQuery({
    queryKey: [...planKey(clientId), 'versions', version],
    enabled: version !== undefined,
    queryFn: ({ signal }) =>
      api.get<{ items: { version: number; changedAt: string; changedBy: string; organizationName: string; changes: string[] }[] }>(`/clients/${clientId}/plan/versions`, { signal }),
  });
}

export function useClientPlanVersion(clientId: string, lang: string, version: number | undefined) {
  return useQuery({
    queryKey: [...planKey(clientId), 'client-version', lang, version],
    enabled: version !== undefined,
    queryFn: ({ signal }) => api.get<ClientPlanView>(`/clients/${clientId}/plan/client-version?lang=${lang}`, { signal }),
  });
}

/** Every change answers the whole new plan; the cache takes it as is (and the path gets a new step). */
export function usePlanMutations(clientId: string) {
  const qc = useQueryClient();
  const onSuccess = (plan: Plan) => {
    qc.setQueryData(planKey(clientId), plan);
    void qc.invalidateQueries({ queryKey: ['clients', clientId] });
  };
  return {
    save: useMutation({ mutationFn: (body: UpdatePlanRequest) => api.put<Plan>(`/clients/${clientId}/plan`, body), onSuccess }),
    create: useMutation({ mutationFn: () => api.post<Plan>(`/clients/${clientId}/plan`, {}), onSuccess }),
    confirm: useMutation({
      mutationFn: (b: { version: number; participantKey: string }) => api.post<Plan>(`/clients/${clientId}/plan/commitments`, b),
      onSuccess,
    }),
  };
}
