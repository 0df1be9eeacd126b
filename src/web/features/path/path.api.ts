import { useQuery } from '@tanstack/react-query';
import type { ClientPath } from '../../../contracts/path.contracts.js';
import { api } from '../../api/client.js';

export const pathKey = (clientId: string) => ['clients', clientId, 'path'] as const;

export function useClientPath(clientId: string) {
  return useQuery({ queryKey: pathKey(clientId), queryFn: ({ signal }) => api.get<ClientPath>(`/clients/${clientId}/path`, { signal }) });
}

/** 2026-03-10T… → 10.3.2026 */
export const shortDate = (iso: string) => {
  const d = new Date(iso);
  return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
};

/** The seed legend letters (K, M, KS, YS, KE, V, ESH) shown beside the lane names. */
export const SECTOR_LETTERS: Record<string, string> = {
  municipality: 'K',
  'wellbeing-county': 'M',
  ngo: 'KS',
  private: 'YS',
  kela: 'KE',
  state: 'V',
  'specialist-care': 'ESH',
};
