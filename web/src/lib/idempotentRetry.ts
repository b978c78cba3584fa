// Sends a create with an Idempotency-Key and retries it, with the same key,
// while the failure may be the connection's rather than the request's: so a
// helper on a bad mobile connection never stores an act twice, and is told
// only once the server has confirmed it.
import { ApiError, NetworkError } from '../api/client';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Milliseconds to wait before attempt n+1 (n from 1). */
  delayMs: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told before each retry, e.g. to say "still trying". */
  onRetry?: (attempt: number, error: unknown) => void;
}

export const defaultRetry: RetryOptions = {
  attempts: 5,
  delayMs: (attempt) => Math.min(8000, 500 * 2 ** (attempt - 1)),
};

/** Whether sending the same request again may succeed. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) {
    // 409: the same key is still being processed; 408, 429 and 5xx: the
    // server or a proxy could not answer now. Every other 4xx is final.
    return [408, 409, 429, 502, 503, 504].includes(error.status) || error.status >= 500;
  }
  return false;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export async function sendIdempotent<T>(
  send: (key: string) => Promise<T>,
  key: string,
  options: RetryOptions = defaultRetry,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send(key);
    } catch (error) {
      if (attempt >= options.attempts || !isRetryable(error)) throw error;
      options.onRetry?.(attempt, error);
      await sleep(options.delayMs(attempt));
    }
  }
}
