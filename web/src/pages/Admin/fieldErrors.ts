import { ApiError } from '../../api/client';

/**
 * The server's reason for a field, also when it named an item of a list
 * field ("buurtCodes[1]" counts for "buurtCodes"), so that the error shows on
 * the input that holds it.
 */
export function fieldReason(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const params = error.problem?.invalidParams ?? [];
  return params.find((param) => param.name === field || param.name.startsWith(`${field}[`))?.reason;
}
