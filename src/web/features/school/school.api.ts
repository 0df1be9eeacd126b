import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AbsenceStatus, ImportReport, WelfareOverview } from '../../../contracts/absence.contracts.js';
import { api } from '../../api/client.js';

/** TanStack Query hooks of the school-absence API. */
export const useMySchools = () => useQuery({ queryKey: ['schools', 'mine'], queryFn: () => api.get<{ items: { unitId: string; name: string }[] }>('/schools/mine') });

export const useOverview = (unitId: string | undefined) =>
  useQuery({ queryKey: ['schools', unitId, 'overview'], enabled: !!unitId, queryFn: () => api.get<WelfareOverview>(`/schools/${unitId}/welfare-overview`) });

export const usePupilStatus = (clientId: string) =>
  useQuery({ queryKey: ['pupils', clientId, 'absence-status'], queryFn: () => api.get<AbsenceStatus>(`/pupils/${clientId}/absence-status`) });

/** A POST about one pupil that refreshes the pupil and the overviews afterwards. */
export function usePupilPost<Body, Out = unknown>(clientId: string, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<Out>(`/pupils/${clientId}/${path}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pupils', clientId] });
      void qc.invalidateQueries({ queryKey: ['schools'] });
    },
  });
}

export function importCsv(unitId: string, body: { csv: string; fileName?: string; dryRun?: boolean; skipRejected?: boolean }) {
  return api.post<ImportReport>(`/schools/${unitId}/absence-imports`, body);
}

export const finnishToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export const formatDate = (iso: string, lang: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang === 'fi' ? 'fi-FI' : lang === 'sv' ? 'sv-FI' : 'en-GB');
