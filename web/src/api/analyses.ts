// The analyses the dashboards draw. The OpenAPI document describes these
// answers only as objects, so their shapes are declared here, limited to
// the fields the app reads.
import { apiUrl, get } from './client';
import type { components } from './schema';

export interface MobilisationMonth {
  month: string;
  acts: number;
  self: number;
  network: number;
  professional: number;
  selfShare: number;
  networkShare: number;
  professionalShare: number;
}

export interface CollaborationMonth {
  month: string;
  acts: number;
  jointActs: number;
  jointShare: number;
  activations: number;
  activationShare: number;
  handovers: number;
}

export interface Mobilisation {
  byMonth: MobilisationMonth[];
}

export interface Collaboration {
  byMonth: CollaborationMonth[];
}

export interface PracticeComparison {
  practiceId: string;
  name?: string;
  households?: number;
  mobilisation?: { byMonth: MobilisationMonth[]; total?: Partial<MobilisationMonth> };
  collaboration?: { byMonth: CollaborationMonth[]; total?: Partial<CollaborationMonth> };
  [measure: string]: unknown;
}

export interface HouseholdMeasures {
  household: string;
  size: number;
  informal: number;
  informalShare: number;
  kinShare: number;
  density: number;
  [measure: string]: unknown;
}

export function fetchMobilisation(practiceId: string): Promise<Mobilisation> {
  return get<Mobilisation>(`/analyses/practices/${practiceId}/mobilisation`);
}

export function fetchCollaboration(practiceId: string): Promise<Collaboration> {
  return get<Collaboration>(`/analyses/practices/${practiceId}/collaboration`);
}

export function fetchComparison(): Promise<{ items: PracticeComparison[] }> {
  return get<{ items: PracticeComparison[] }>('/analyses/practices');
}

export function fetchHouseholdMeasures(practiceId?: string): Promise<{ date: string; items: HouseholdMeasures[] }> {
  return get<{ date: string; items: HouseholdMeasures[] }>('/analyses/households', { practiceId });
}

/** Downloads the browser fetches itself (the session cookie goes along). */
export const exportLinks = {
  supportActsCsv: apiUrl('/research/exports/support-acts'),
  householdMeasuresCsv: apiUrl('/analyses/households', { format: 'csv' }),
};

export type ZrmProfile = components['schemas']['ZrmProfile'];
export type ZrmChange = components['schemas']['ZrmChange'];

/** A household's measures on `date`, beside those on `compareWith`. */
export interface HouseholdChange {
  household: string;
  date: string;
  compareWith: string;
  measures: Record<string, unknown>;
  measuresThen: Record<string, unknown>;
  change: Record<string, unknown>;
  zrm?: ZrmProfile;
  zrmChange?: ZrmChange;
}

export function fetchHouseholdChange(householdId: string, compareWith: string, date: string): Promise<HouseholdChange> {
  return get<HouseholdChange>(`/analyses/households/${householdId}`, { date, compareWith });
}

/** The household's network on a day as GraphML, for Gephi, igraph or networkx. */
export function householdGraphmlUrl(householdId: string, date: string): string {
  return apiUrl(`/analyses/households/${householdId}/graphml`, { date });
}
