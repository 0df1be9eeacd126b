import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SelfAssessmentHistory } from '../../../contracts/clients.contracts.js';
import type { ConsentList } from '../../../contracts/consents.contracts.js';
import type { MeHandover, MeHandoverList } from '../../../contracts/handover.contracts.js';
import type { FeedbackInvitationList, QuestionnairesResponse, SubmitFeedbackRequest } from '../../../contracts/feedback.contracts.js';
import type { TaskList } from '../../../contracts/followup.contracts.js';
import type { MeetingSummary } from '../../../contracts/meetings.contracts.js';
import type { ClientPath } from '../../../contracts/path.contracts.js';
import type { ClientPlanView } from '../../../contracts/plans.contracts.js';
import type { MeAccessLog, MeGiveConsentRequest, MeOverview, MeWorker } from '../../../contracts/portal.contracts.js';
import type { ReferralList } from '../../../contracts/referrals.contracts.js';
import { api } from '../../api/client.js';

/** `subject` is the child's client id when a guardian acts for a child, otherwise undefined. */
const qs = (subject?: string) => (subject ? `?clientId=${encodeURIComponent(subject)}` : '');
const key = (what: string, subject?: string) => ['portal', subject ?? 'me', what] as const;
const me = <T,>(what: string, path: string, subject?: string, lang?: string) =>
  ({ queryKey: [...key(what, subject), lang ?? ''], queryFn: () => api.get<T>(`/me${path}${qs(subject)}`), retry: false }) as const;

export const useOverview = () => useQuery({ queryKey: ['portal', 'overview'], queryFn: () => api.get<MeOverview>('/me') });
export const useWorker = (s?: string) => useQuery(me<MeWorker>('worker', '/worker', s));
export const usePlan = (s: string | undefined, lang: string) => useQuery(me<ClientPlanView>('plan', '/plan', s, lang));
export const useMeetings = (s?: string) =>
  useQuery(me<{ upcoming: z.infer<typeof MeetingSummary>[]; past: z.infer<typeof MeetingSummary>[] }>('meetings', '/meetings', s));
export const useTasks = (s?: string) => useQuery(me<TaskList>('tasks', '/tasks', s));
export const useReferrals = (s?: string) => useQuery(me<ReferralList>('referrals', '/referrals', s));
export const usePath = (s?: string) => useQuery(me<ClientPath>('path', '/path', s));
export const useSelfHistory = (s: string | undefined, lang: string) => useQuery(me<SelfAssessmentHistory>('self', '/self-assessments', s, lang));
export const useConsents = (s: string | undefined, lang: string) => useQuery(me<ConsentList>('consents', '/consents', s, lang));
export const useAccessLog = (s: string | undefined, lang: string) => useQuery(me<MeAccessLog>('access-log', '/access-log', s, lang));

export const useHandovers = (s?: string) => useQuery(me<MeHandoverList>('handovers', '/handovers', s));

/** Confirming moves responsibility: the worker, path and handover list change. */
export function useConfirmHandover(subject?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<MeHandover>(`/me/handovers/${encodeURIComponent(id)}/confirm${qs(subject)}`, {}),
    onSuccess: () => Promise.all(['handovers', 'worker', 'path'].map((w) => qc.invalidateQueries({ queryKey: key(w, subject) }))),
  });
}

export function useGiveConsent(subject?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeGiveConsentRequest) => api.post<{ id: string }>(`/me/consents${qs(subject)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key('consents', subject) }),
  });
}

export function useRevokeConsent(subject?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/me/consents/${id}/revoke${qs(subject)}`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: key('consents', subject) }),
  });
}

export const useInvitations = () => useQuery({ queryKey: ['portal', 'feedback', 'invitations'], queryFn: () => api.get<FeedbackInvitationList>('/feedback/invitations') });
export const useQuestionnaires = (lang: string) =>
  useQuery({ queryKey: ['portal', 'feedback', 'questionnaires', lang], queryFn: () => api.get<QuestionnairesResponse>('/feedback/questionnaires?respondent=client') });

export function useSubmitFeedback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitFeedbackRequest) => api.post<{ received: true; answered: number }>('/feedback/responses', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal', 'feedback', 'invitations'] }),
  });
}

export const invalidateSelf = (qc: ReturnType<typeof useQueryClient>, subject?: string) => qc.invalidateQueries({ queryKey: key('self', subject) });

export const finnishDate = (iso: string, lang: string) =>
  new Date(iso).toLocaleDateString(lang === 'sv' ? 'sv-FI' : lang === 'en' ? 'en-GB' : 'fi-FI', { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric' });
export const finnishDateTime = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'sv' ? 'sv-FI' : lang === 'en' ? 'en-GB' : 'fi-FI', { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });
