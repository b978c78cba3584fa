import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../api/client';
import { isRetryable, sendIdempotent } from './idempotentRetry';

const noWait = { attempts: 4, delayMs: () => 0, sleep: async () => {} };

describe('sendIdempotent', () => {
  it('retries a dropped connection with the same key until the server answers', async () => {
    const keys: string[] = [];
    const send = vi.fn(async (key: string) => {
      keys.push(key);
      if (keys.length < 3) throw new NetworkError(new TypeError('Failed to fetch'));
      return 'stored';
    });
    await expect(sendIdempotent(send, 'key-1', noWait)).resolves.toBe('stored');
    expect(keys).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('does not retry a request the server refused', async () => {
    const send = vi.fn(async () => {
      throw new ApiError(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'date' }, '400');
    });
    await expect(sendIdempotent(send, 'key-2', noWait)).rejects.toBeInstanceOf(ApiError);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last attempt and reports the failure', async () => {
    const onRetry = vi.fn();
    const send = vi.fn(async () => {
      throw new NetworkError(new TypeError('offline'));
    });
    await expect(sendIdempotent(send, 'key-3', { ...noWait, onRetry })).rejects.toBeInstanceOf(NetworkError);
    expect(send).toHaveBeenCalledTimes(4);
    expect(onRetry.mock.calls.map(([attempt]) => attempt)).toEqual([1, 2, 3]);
  });

  it('waits longer before each retry', async () => {
    const waits: number[] = [];
    const send = vi.fn(async () => {
      throw new ApiError(503, undefined, '503');
    });
    await expect(
      sendIdempotent(send, 'k', { attempts: 4, delayMs: (n) => 100 * 2 ** (n - 1), sleep: async (ms) => void waits.push(ms) }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(waits).toEqual([100, 200, 400]);
  });
});

describe('isRetryable', () => {
  it.each([
    [new NetworkError(null), true],
    [new ApiError(409, undefined, ''), true],
    [new ApiError(429, undefined, ''), true],
    [new ApiError(500, undefined, ''), true],
    [new ApiError(503, undefined, ''), true],
    [new ApiError(400, undefined, ''), false],
    [new ApiError(403, undefined, ''), false],
    [new ApiError(422, undefined, ''), false],
    [new Error('bug'), false],
  ])('%s → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
