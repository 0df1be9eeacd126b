/**
 * The one way the web app talks to the Polku API: JSON in and out, the session cookie
 * (same origin only) and the user's UI language so the server answers errors in it.
 */

export const API_BASE = '/api/v1';

export type ApiLanguage = 'fi' | 'sv' | 'en';

let requestLanguage: ApiLanguage = 'fi';

/** Called by the i18n setup whenever the user switches language. */
export function setApiLanguage(language: ApiLanguage): void {
  requestLanguage = language;
}

/**
 * An error answered by the API (`{"error":{"code","message","correlationId"}}`), or a
 * network/format failure (`status` 0, `fromServer` false). Show `message` to the user
 * only when `fromServer` is true: it is then already in the user's language.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fromServer: boolean,
    readonly correlationId?: string,
    /** The server's `error.details` (e.g. `problems` of a validation error), kept as sent. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Field-level messages of a 400 answer, keyed by field path (`summary.fi`, `email`, `area`):
 * `details.problems[]` items carry `field` and either `message` (already in the request language)
 * or `messages` ({fi, sv, en}). Problems without a field are left out (the error's message covers them).
 */
export function fieldErrors(error: unknown, language: string = requestLanguage): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError) || !error.details) return out;
  const problems = error.details.problems;
  if (!Array.isArray(problems)) return out;
  for (const p of problems as Array<Record<string, unknown>>) {
    if (!p || typeof p.field !== 'string' || p.field === '') continue;
    const localized = p.messages as Record<string, unknown> | undefined;
    const text = typeof localized?.[language] === 'string' ? (localized[language] as string) : typeof p.message === 'string' ? p.message : null;
    if (text) out[p.field] = out[p.field] ? `${out[p.field]} ${text}` : text;
  }
  return out;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': requestLanguage,
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'Network request failed', false);
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = new ApiError(response.status, `http-${response.status}`, response.statusText, false);
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    return fallback;
  }
  const error = (payload as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object') return fallback;
  const { code, message, correlationId, details } = error as Record<string, unknown>;
  if (typeof message !== 'string' || message === '') return fallback;
  return new ApiError(
    response.status,
    typeof code === 'string' ? code : fallback.code,
    message,
    true,
    typeof correlationId === 'string' ? correlationId : undefined,
    details && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : undefined,
  );
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};
