// The one fetch wrapper: every module in src/api/ calls the server through
// it, and components never call fetch themselves. It sends the session's
// CSRF token with every change, and turns every non-2xx answer into an
// ApiError carrying the problem+json body, so a 400's invalid fields can be
// shown on the right inputs.
import type { components } from './schema';

export type Problem = components['schemas']['Problem'];

const kBase = '/api/v1';
const kCsrfCookie = 'dichtbij_csrf';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, fallback: string) {
    super(problem?.detail ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The reason the server gave for one input field, if any. */
  fieldError(name: string): string | undefined {
    return this.problem?.invalidParams?.find((param) => param.name === name)?.reason;
  }
}

/** The request never got an answer: offline, or the connection dropped. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network unreachable', { cause });
    this.name = 'NetworkError';
  }
}

function csrfToken(): string | undefined {
  const pair = document.cookie.split('; ').find((cookie) => cookie.startsWith(`${kCsrfCookie}=`));
  return pair?.slice(kCsrfCookie.length + 1);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A body sent as it is (a file), with its media type, instead of `body` as JSON. */
  raw?: { content: Blob | string; type: string };
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `${kBase}${path}${search ? `?${search}` : ''}`;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.raw) headers['Content-Type'] = options.raw.type;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.raw ? options.raw.content : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) {
    let problem: Problem | undefined;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = undefined;
    }
    throw new ApiError(response.status, problem, `${response.status} ${response.statusText}`);
  }
  const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { data, headers: response.headers, status: response.status };
}

export async function get<T>(path: string, query?: RequestOptions['query']): Promise<T> {
  return (await request<T>(path, { query })).data;
}

/** A page of a collection, as every list route answers. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
