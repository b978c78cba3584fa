import { ApiError } from '../api/client';

/**
 * What went wrong, for an alert under a form: the server's detail and each
 * field it named with its reason ("password: must be at least 12
 * characters"); the fallback when the request never reached the server.
 */
export function problemText(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const fields = (error.problem?.invalidParams ?? []).map((param) => `${param.name}: ${param.reason}`);
  return [error.message, ...fields].join(' — ');
}
