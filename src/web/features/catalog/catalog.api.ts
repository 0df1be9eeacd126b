import type { ServiceDetail, ServiceSearchResult, UpdateServiceRequest } from '../../../contracts/catalog.contracts.js';
import { api } from '../../api/client.js';

export type { ServiceDetail, ServiceSearchResult };

/** Search parameters as they stand in the page URL, passed through to the API unchanged. */
export const SEARCH_PARAMS = ['q', 'segment', 'clientGroup', 'sector', 'channel', 'access', 'age', 'municipality', 'lowThreshold'] as const;
export const PAGE_SIZE = 20;

export function searchServices(params: URLSearchParams, signal?: AbortSignal): Promise<ServiceSearchResult> {
  const query = new URLSearchParams();
  for (const key of SEARCH_PARAMS) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  const page = Math.max(1, Number(params.get('sivu') ?? '1') || 1);
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String((page - 1) * PAGE_SIZE));
  return api.get<ServiceSearchResult>(`/services?${query.toString()}`, { signal });
}

export const fetchService = (id: string, signal?: AbortSignal) => api.get<ServiceDetail>(`/services/${encodeURIComponent(id)}`, { signal });

export const updateService = (id: string, body: UpdateServiceRequest) => api.patch<ServiceDetail>(`/services/${encodeURIComponent(id)}`, body);
