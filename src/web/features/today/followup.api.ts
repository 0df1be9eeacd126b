import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { FollowupSettingsBody, FollowupSettingsView, Task, TodayView } from '../../../contracts/followup.contracts.js';

export const followupKeys = {
  today: ['followup', 'today'] as const,
  tasks: ['followup', 'tasks'] as const,
};

export function useToday() {
  return useQuery({ queryKey: followupKeys.today, queryFn: () => api.get<TodayView>('/me/today') });
}

export function useCompleteTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; status: 'done' | 'not-done'; note?: string }) =>
      api.post<Task>(`/tasks/${input.id}/complete`, { status: input.status, ...(input.note ? { note: input.note } : {}) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['followup'] }),
  });
}

/** Finnish-style dates, independent of the browser's locale. */
export function formatDay(iso: string): string {
  return `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
  return parts;
}

export const settingsKey = ['followup', 'settings'] as const;

export function useFollowupSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get<FollowupSettingsView>('/followup/settings') });
}

export function useSaveFollowupSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowupSettingsBody) => api.put<FollowupSettingsView>('/followup/settings', body),
    onSuccess: (data) => {
      client.setQueryData(settingsKey, data);
      void client.invalidateQueries({ queryKey: ['followup'] });
    },
  });
}
