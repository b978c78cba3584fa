import type { components } from './schema';
import { get, request, type Page } from './client';

export type Practice = components['schemas']['Practice'];
export type PracticeInput = components['schemas']['PracticeInput'];
export type Organisation = components['schemas']['Organisation'];
export type OrganisationInput = components['schemas']['OrganisationInput'];

export function listPractices(): Promise<Page<Practice>> {
  return get<Page<Practice>>('/practices', { pageSize: 200 });
}

export function listOrganisations(): Promise<Page<Organisation>> {
  return get<Page<Organisation>>('/organisations', { pageSize: 200 });
}

export async function createPractice(input: PracticeInput): Promise<Practice> {
  return (await request<Practice>('/practices', { method: 'POST', body: input })).data;
}

export async function updatePractice(id: string, input: PracticeInput): Promise<Practice> {
  return (await request<Practice>(`/practices/${id}`, { method: 'PUT', body: input })).data;
}

export async function createOrganisation(input: OrganisationInput): Promise<Organisation> {
  return (await request<Organisation>('/organisations', { method: 'POST', body: input })).data;
}

export async function updateOrganisation(id: string, input: OrganisationInput): Promise<Organisation> {
  return (await request<Organisation>(`/organisations/${id}`, { method: 'PUT', body: input })).data;
}
