import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type {
  AssessmentHistory,
  AssessmentSuggestion,
  CaseloadResponse,
  ClientDetail,
  ClientListItem,
  Concern,
  CreateAssessmentRequest,
  CreateClientRequest,
  CreateConcernRequest,
  CreateSelfAssessmentRequest,
  ProfileInput,
  SelfAssessmentHistory,
} from '../../../contracts/clients.contracts.js';
import type { RecommendationResponse } from '../../../contracts/guidance.contracts.js';

/** Server state of the clients feature; one query key per resource so mutations refresh the right views. */
export const clientKeys = {
  all: ['clients'] as const,
  search: (q: string) => ['clients', 'search', q] as const,
  caseload: ['clients', 'caseload'] as const,
  caseloadPage: (page: number) => ['clients', 'caseload', page] as const,
  detail: (id: string) => ['clients', id] as const,
  concerns: (id: string) => ['clients', id, 'concerns'] as const,
  self: (id: string) => ['clients', id, 'self-assessments'] as const,
  assessments: (id: string) => ['clients', id, 'assessments'] as const,
  recs: (id: string) => ['clients', id, 'recommendations'] as const,
  lifeAreas: ['life-areas'] as const,
};

export interface LifeAreas {
  areas: { key: string; label: string; question: string }[];
  scale: { value: number; label: string }[];
}

export const useClientSearch = (q: string) =>
  useQuery({ queryKey: clientKeys.search(q), queryFn: () => api.get<{ items: ClientListItem[] }>(`/clients?q=${encodeURIComponent(q)}`), enabled: q.trim().length > 0 });
/** One page of the caseload (the server's page size); the previous page stays on screen while the next loads. */
export const useCaseload = (page: number) =>
  useQuery({ queryKey: clientKeys.caseloadPage(page), queryFn: () => api.get<CaseloadResponse>(`/guidance/caseload?page=${page}`), placeholderData: keepPreviousData });
export const useClient = (id: string) => useQuery({ queryKey: clientKeys.detail(id), queryFn: () => api.get<ClientDetail>(`/clients/${id}`) });
export const useClientConcerns = (id: string) => useQuery({ queryKey: clientKeys.concerns(id), queryFn: () => api.get<{ items: Concern[] }>(`/clients/${id}/concerns`) });
export const useSelfAssessments = (id: string) => useQuery({ queryKey: clientKeys.self(id), queryFn: () => api.get<SelfAssessmentHistory>(`/clients/${id}/self-assessments`) });
export const useAssessments = (id: string) => useQuery({ queryKey: clientKeys.assessments(id), queryFn: () => api.get<AssessmentHistory>(`/clients/${id}/assessments`) });
export const useRecommendations = (id: string) =>
  useQuery({ queryKey: clientKeys.recs(id), queryFn: () => api.get<RecommendationResponse>(`/clients/${id}/recommendations?limit=10`) });
export const useLifeAreas = () => useQuery({ queryKey: clientKeys.lifeAreas, queryFn: () => api.get<LifeAreas>('/life-areas'), staleTime: 5 * 60_000 });

export function useRegisterClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClientRequest) => api.post<ClientDetail & { linkedExisting: boolean }>('/clients', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: clientKeys.all }),
  });
}

export function useRaiseConcern(clientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConcernRequest) => api.post<Concern>('/concerns', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: clientKeys.concerns(clientId) }),
  });
}

/** `path` lets the portal save through /me/self-assessments (a guardian for a child: ?clientId=). */
export function useSaveSelfAssessment(clientId: string, path = `/clients/${clientId}/self-assessments`) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSelfAssessmentRequest) => api.post<SelfAssessmentHistory>(path, body),
    onSuccess: (data) => {
      qc.setQueryData(clientKeys.self(clientId), data);
      void qc.invalidateQueries({ queryKey: clientKeys.recs(clientId) });
    },
  });
}

export const fetchSuggestion = (clientId: string, profile: ProfileInput, specialSupportNeed: boolean) =>
  api.post<AssessmentSuggestion>('/assessment/suggestion', { clientId, profile, specialSupportNeed });

export function useSaveAssessment(clientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessmentRequest) => api.post<AssessmentHistory>(`/clients/${clientId}/assessments`, body),
    onSuccess: (data) => {
      qc.setQueryData(clientKeys.assessments(clientId), data);
      void qc.invalidateQueries({ queryKey: clientKeys.detail(clientId) });
      void qc.invalidateQueries({ queryKey: clientKeys.recs(clientId) });
      void qc.invalidateQueries({ queryKey: clientKeys.caseload });
    },
  });
}
