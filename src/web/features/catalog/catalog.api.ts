import type { z } from 'zod';
import type { CreateServiceRequest, ImportReport, ServiceDetail, ServiceHistory as ServiceHistoryContract, ServiceSearchResult, UpdateServiceRequest } from '../../../contracts/catalog.contracts.js';
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

export type { CreateServiceRequest, ImportReport, UpdateServiceRequest } from '../../../contracts/catalog.contracts.js';
export type ServiceHistory = z.infer<typeof ServiceHistoryContract>;

export const createService = (body: CreateServiceRequest) => api.post<ServiceDetail>('/services', body);

export const fetchServiceHistory = (id: string, signal?: AbortSignal) => api.get<ServiceHistory>(`/services/${encodeURIComponent(id)}/history`, { signal });

/** Sends a PTV export (v11 JSON or the simplified list) as parsed JSON; the answer reports skipped records. */
export const importPtv = (document: unknown) => api.post<ImportReport>('/admin/imports/ptv', document);
