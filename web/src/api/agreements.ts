import type { components } from './schema';
import { get, type Page } from './client';

export type Agreement = components['schemas']['Agreement'];
export type AgreementVersion = components['schemas']['AgreementVersion'];

export function listAgreements(householdId: string): Promise<Page<Agreement>> {
  return get<Page<Agreement>>(`/households/${householdId}/agreements`, { pageSize: 200 });
}

export function fetchAgreementHistory(householdId: string, id: string): Promise<{ items: AgreementVersion[] }> {
  return get<{ items: AgreementVersion[] }>(`/households/${householdId}/agreements/${id}/history`);
}
