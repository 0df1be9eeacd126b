import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';

export interface Filter {
  from: string;
  to: string;
  unitId: string;
  clientGroup: string;
}

export const queryString = (f: Filter, extra: Record<string, string> = {}) =>
  new URLSearchParams(Object.entries({ from: f.from, to: f.to, unitId: f.unitId, clientGroup: f.clientGroup, ...extra }).filter(([, v]) => v !== '')).toString();

export const csvHref = (name: string, f: Filter, extra: Record<string, string> = {}) => `/api/v1/reports/${name}?${queryString(f, { ...extra, format: 'csv' })}`;

export function useReport<T>(name: string, f: Filter, lang: string, extra: Record<string, string> = {}) {
  return useQuery({ queryKey: ['reports', name, f, lang, extra], queryFn: () => api.get<T>(`/reports/${name}?${queryString(f, extra)}`), retry: false });
}

export const useUnits = () =>
  useQuery({ queryKey: ['reports', 'units'], queryFn: () => api.get<{ items: { id: string; name: string; organization: string }[] }>('/reports/units'), retry: false });
