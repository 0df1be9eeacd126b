import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { CreateReferralRequest, ReferralDetail, ReferralList, ReferralStatus } from '../../../contracts/referrals.contracts.js';
import type { ServiceSearchResult } from '../../../contracts/catalog.contracts.js';
import { CASELOAD_MAX_PAGE_SIZE, type CaseloadResponse } from '../../../contracts/clients.contracts.js';

export const referralKeys = {
  box: (box: 'incoming' | 'outgoing') => ['referrals', 'box', box] as const,
  detail: (id: string) => ['referrals', id] as const,
};

export const useInbox = (box: 'incoming' | 'outgoing') =>
  useQuery({ queryKey: referralKeys.box(box), queryFn: () => api.get<ReferralList>(`/referrals?box=${box}`) });
export const useReferral = (id: string) => useQuery({ queryKey: referralKeys.detail(id), queryFn: () => api.get<ReferralDetail>(`/referrals/${id}`) });
/** Every own client for the form's client picker: the largest page the caseload gives (the view itself pages by 50). */
export const useCaseload = () =>
  useQuery({ queryKey: ['guidance', 'caseload', 'all'], queryFn: () => api.get<CaseloadResponse>(`/guidance/caseload?pageSize=${CASELOAD_MAX_PAGE_SIZE}`) });
export const useServiceSearch = (q: string) =>
  useQuery({ queryKey: ['services', 'search', q], queryFn: () => api.get<ServiceSearchResult>(`/services?q=${encodeURIComponent(q)}`), enabled: q.trim().length >= 2 });

export function useChangeStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { status: ReferralStatus; reason?: string }) => api.patch<{ id: string; status: ReferralStatus }>(`/referrals/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['referrals'] }),
  });
}

export function useCreateReferral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReferralRequest) => api.post<{ id: string; status: ReferralStatus }>('/referrals', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['referrals'] }),
  });
}

export function useRecordOutside(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => api.post(`/referrals/${id}/outside`, { note }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['referrals'] }),
  });
}

export const formatDate = (iso: string, lang: string) => new Date(iso).toLocaleDateString(lang === 'sv' ? 'sv-FI' : lang === 'en' ? 'en-GB' : 'fi-FI');
