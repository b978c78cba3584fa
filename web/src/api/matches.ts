// Matching (docs/matching.md): runs for a practice, and the life cycle of
// each match. A coordinator sees every field; a volunteer the request's
// essentials and the criteria, never the other candidates.
import type { components } from './schema';
import { get, request, type Page } from './client';

export type Match = components['schemas']['Match'];
export type MatchingRun = components['schemas']['MatchingRun'];
export type MatchStatus = components['schemas']['MatchTransitionInput']['status'];

export interface MatchQuery {
  status?: string;
  requestId?: string;
  page?: number;
  pageSize?: number;
}

export function listMatches(query: MatchQuery): Promise<Page<Match>> {
  return get<Page<Match>>('/matches', { ...query });
}

export async function runMatching(practiceId: string): Promise<MatchingRun> {
  return (await request<MatchingRun>(`/practices/${practiceId}/matching-runs`, { method: 'POST', body: {} })).data;
}

/** Moves a match on in its life cycle; a reason is required to reject or end. */
export async function changeMatch(id: string, status: MatchStatus, reason?: string): Promise<Match> {
  const body = reason ? { status, reason } : { status };
  return (await request<Match>(`/matches/${id}/transitions`, { method: 'POST', body })).data;
}
