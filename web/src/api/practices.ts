import type { components } from './schema';
import { get, type Page } from './client';

export type Practice = components['schemas']['Practice'];
export type Organisation = components['schemas']['Organisation'];

export function listPractices(): Promise<Page<Practice>> {
  return get<Page<Practice>>('/practices', { pageSize: 200 });
}

export function listOrganisations(): Promise<Page<Organisation>> {
  return get<Page<Organisation>>('/organisations', { pageSize: 200 });
}
