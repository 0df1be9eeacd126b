import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, isApiError } from '../../api/client.js';
import type { Plan } from '../../../contracts/plans.contracts.js';
import type {
  CreateMeetingRequest,
  MeetingDefaults,
  MeetingDetail,
  MeetingList,
  RecordMinutesRequest,
  MeetingClientOptions,
} from '../../../contracts/meetings.contracts.js';

export const meetingKeys = {
  mine: ['meetings', 'mine'] as const,
  clients: ['meetings', 'clients'] as const,
  defaults: (clientId: string) => ['meetings', 'defaults', clientId] as const,
  detail: (id: string) => ['meetings', id] as const,
};

export const useMyMeetings = () => useQuery({ queryKey: meetingKeys.mine, queryFn: () => api.get<MeetingList>('/me/network-meetings') });
export const useMeetingClients = () =>
  useQuery({ queryKey: meetingKeys.clients, queryFn: () => api.get<z.infer<typeof MeetingClientOptions>>('/me/meeting-clients') });
export const useMeetingDefaults = (clientId: string) =>
  useQuery({ queryKey: meetingKeys.defaults(clientId), queryFn: () => api.get<MeetingDefaults>(`/clients/${clientId}/meeting-defaults`), enabled: !!clientId });
/** The client's plan for the minutes' plan-action picker; null when the client has no plan yet. */
export const useClientPlanForMinutes = (clientId: string) =>
  useQuery({
    queryKey: ['meetings', 'plan', clientId] as const,
    queryFn: () => api.get<Plan>(`/clients/${clientId}/plan`).catch((e: unknown) => (isApiError(e, 404) ? null : Promise.reject(e))),
  });
export const useMeeting = (id: string) => useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => api.get<MeetingDetail>(`/meetings/${id}`) });

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { clientId: string; body: z.input<typeof CreateMeetingRequest> }) => api.post<{ id: string }>(`/clients/${input.clientId}/meetings`, input.body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['meetings'] }),
  });
}

export function useRecordMinutes(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof RecordMinutesRequest>) => api.post<{ id: string }>(`/meetings/${id}/minutes`, body),
    // The decisions may have updated the plan too.
    onSuccess: () => Promise.all(['meetings', 'followup', 'plans', 'plan'].map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
}

export function useApproveMinutes(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note?: string) => api.post<MeetingDetail>(`/meetings/${id}/approval`, note ? { note } : {}),
    onSuccess: (data) => client.setQueryData(meetingKeys.detail(id), data),
  });
}

export const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
