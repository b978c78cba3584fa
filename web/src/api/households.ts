import type { components } from './schema';
import { get, request, type Page } from './client';

export type Household = components['schemas']['Household'];
export type Network = components['schemas']['Network'];
export type NetworkNode = Network['nodes'][number];
export type NetworkEdge = Network['edges'][number];
export type AccessEvent = components['schemas']['AccessEvent'];
export type Consent = components['schemas']['Consent'];
export type Assessment = components['schemas']['Assessment'];

export interface HouseholdQuery {
  q?: string;
  practiceId?: string;
  status?: string;
  targetGroup?: string;
  page?: number;
  pageSize?: number;
}

export function listHouseholds(query: HouseholdQuery): Promise<Page<Household>> {
  return get<Page<Household>>('/households', { ...query });
}

export function fetchHousehold(id: string): Promise<Household> {
  return get<Household>(`/households/${id}`);
}

export function fetchNetwork(id: string, date?: string): Promise<Network> {
  return get<Network>(`/households/${id}/network`, { date });
}

export function fetchAccessLog(id: string, page = 1): Promise<Page<AccessEvent>> {
  return get<Page<AccessEvent>>(`/households/${id}/access-log`, { page, pageSize: 50 });
}

export function fetchConsents(id: string): Promise<Page<Consent>> {
  return get<Page<Consent>>(`/households/${id}/consents`, { pageSize: 200 });
}

export function fetchAssessments(id: string): Promise<Page<Assessment>> {
  return get<Page<Assessment>>(`/households/${id}/assessments`, { pageSize: 200 });
}

export type AssessmentInput = import('./schema').components['schemas']['AssessmentInput'];

/** One attempt at storing an assessment; the key makes retries safe. */
export async function createAssessment(householdId: string, input: AssessmentInput, idempotencyKey: string): Promise<Assessment> {
  return (
    await request<Assessment>(`/households/${householdId}/assessments`, {
      method: 'POST',
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}

export type TieInput = import('./schema').components['schemas']['TieInput'];
export type PersonInput = import('./schema').components['schemas']['PersonInput'];

export async function createPerson(input: PersonInput, idempotencyKey: string): Promise<{ id: string }> {
  return (await request<{ id: string }>('/persons', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } })).data;
}

export async function createTie(householdId: string, input: TieInput, idempotencyKey: string): Promise<{ id: string }> {
  return (
    await request<{ id: string }>(`/households/${householdId}/ties`, {
      method: 'POST',
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}

export type HouseholdInput = import('./schema').components['schemas']['HouseholdInput'];

/** Registers a household; the ETag is what a change right after must quote. */
export async function createHousehold(input: HouseholdInput, idempotencyKey: string): Promise<{ household: Household; etag: string }> {
  const response = await request<Household>('/households', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
  return { household: response.data, etag: response.headers.get('ETag') ?? '' };
}

/** Replaces a household, only if nobody changed it since `etag`. */
export async function updateHousehold(id: string, input: HouseholdInput, etag: string): Promise<Household> {
  return (await request<Household>(`/households/${id}`, { method: 'PUT', body: input, headers: { 'If-Match': etag } })).data;
}
