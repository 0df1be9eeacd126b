import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TimeLimits } from '../../../contracts/referrals.contracts.js';
import { api } from '../../api/client.js';

export interface EmergencyItem {
  id: string;
  clientId: string;
  user: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  reviewedAt: string | null;
  reviewer: string | null;
  reviewNote: string | null;
}

export const useEmergencyAccesses = (all: boolean) =>
  useQuery({
    queryKey: ['emergency-access', all],
    queryFn: ({ signal }) => api.get<{ items: EmergencyItem[] }>(`/emergency-access?unreviewed=${all ? 'false' : 'true'}`, { signal }),
  });

export function useReviewEmergency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api.post(`/emergency-access/${id}/review`, { note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['emergency-access'] }),
  });
}

export const useTimeLimits = () => useQuery({ queryKey: ['referrals', 'time-limits'], queryFn: ({ signal }) => api.get<TimeLimits>('/referrals/time-limits', { signal }) });

export function useSaveTimeLimits() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TimeLimits) => api.put<TimeLimits>('/referrals/time-limits', body),
    onSuccess: (data) => qc.setQueryData(['referrals', 'time-limits'], data),
  });
}

/** A professional opens a client with a reason; everything under the client is fetched again. */
export function useEmergencyAccess(clientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<{ id: string; expiresAt: string }>(`/clients/${clientId}/emergency-access`, { reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['clients', clientId] }),
  });
}

export const formatDateTime = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'sv' ? 'sv-FI' : lang === 'en' ? 'en-GB' : 'fi-FI', { dateStyle: 'short', timeStyle: 'short' });
