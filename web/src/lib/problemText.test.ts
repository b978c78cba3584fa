import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/client';
import { problemText } from './problemText';

describe('problemText', () => {
  it('names every invalid field after the detail', () => {
    const error = new ApiError(
      400,
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'the account is not valid',
        invalidParams: [{ name: 'password', reason: 'must be at least 12 characters' }],
      },
      '400',
    );
    expect(problemText(error, 'x')).toBe('the account is not valid — password: must be at least 12 characters');
  });

  it('falls back when the server was not reached', () => {
    expect(problemText(new NetworkError(new TypeError('offline')), 'Geen verbinding')).toBe('Geen verbinding');
  });
});
