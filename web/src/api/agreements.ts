import type { components } from './schema';
import { get, request, type Page } from './client';

export type Agreement = components['schemas']['Agreement'];
export type AgreementVersion = components['schemas']['AgreementVersion'];

export function listAgreements(householdId: string): Promise<Page<Agreement>> {
  return get<Page<Agreement>>(`/households/${householdId}/agreements`, { pageSize: 200 });
}

export function fetchAgreementHistory(householdId: string, id: string): Promise<{ items: AgreementVersion[] }> {
  return get<{ items: AgreementVersion[] }>(`/households/${householdId}/agreements/${id}/history`);
}

export type AgreementInput = components['schemas']['AgreementInput'];

/** An agreement as it stands, with the ETag a change must quote. */
export async function fetchAgreementForUpdate(householdId: string, id: string): Promise<{ agreement: Agreement; etag: string }> {
  const response = await request<Agreement>(`/households/${householdId}/agreements/${id}`);
  return { agreement: response.data, etag: response.headers.get('ETag') ?? '' };
}

/**
 * Changes an agreement only if nobody changed it since `etag` was read: a
 * 412 ApiError otherwise, so two people editing one plan never silently
 * overwrite each other.
 */
export async function updateAgreement(householdId: string, id: string, input: AgreementInput, etag: string): Promise<Agreement> {
  return (
    await request<Agreement>(`/households/${householdId}/agreements/${id}`, {
      method: 'PUT',
      body: input,
      headers: { 'If-Match': etag },
    })
  ).data;
}

/** The fields of an agreement that a change sends back. */
export function agreementInput(agreement: Agreement): AgreementInput {
  const { goal, action, responsiblePersonId, why, dueDate, reviewDate, status, agreedByHousehold } = agreement;
  return { goal, action, responsiblePersonId, status, agreedByHousehold, ...(why ? { why } : {}), ...(dueDate ? { dueDate } : {}), ...(reviewDate ? { reviewDate } : {}) };
}
