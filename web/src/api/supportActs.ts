import type { components } from './schema';
import { get, request, type Page } from './client';

export type SupportAct = components['schemas']['SupportAct'];
export type SupportActInput = components['schemas']['SupportActInput'];

export interface SupportActQuery {
  householdId?: string;
  providerId?: string;
  fromDate?: string;
  toDate?: string;
  page?: number;
  pageSize?: number;
}

export function listSupportActs(query: SupportActQuery): Promise<Page<SupportAct>> {
  return get<Page<SupportAct>>('/support-acts', { ...query });
}

/** One attempt at storing an act; the key makes retries safe. */
export async function createSupportAct(input: SupportActInput, idempotencyKey: string): Promise<SupportAct> {
  return (
    await request<SupportAct>('/support-acts', {
      method: 'POST',
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}
