import type { components } from './schema';
import { get, request, type Page } from './client';

export type HelpRequest = components['schemas']['HelpRequest'];
export type HelpRequestInput = components['schemas']['HelpRequestInput'];

export interface HelpRequestQuery {
  status?: string;
  kind?: string;
  householdId?: string;
  practiceId?: string;
  page?: number;
  pageSize?: number;
}

export function listHelpRequests(query: HelpRequestQuery): Promise<Page<HelpRequest>> {
  return get<Page<HelpRequest>>('/help-requests', { ...query });
}

export function fetchHelpRequest(id: string): Promise<HelpRequest> {
  return get<HelpRequest>(`/help-requests/${id}`);
}

/**
 * A new help request, sent with an Idempotency-Key so that a retry never
 * asks twice; a 400 ApiError names the fields that are not right.
 */
export async function createHelpRequest(input: HelpRequestInput, idempotencyKey: string): Promise<HelpRequest> {
  return (await request<HelpRequest>('/help-requests', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } })).data;
}
