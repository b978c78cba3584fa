// A match's explanation as matching/ writes it (docs/matching.md): the
// schema leaves it open, so it is read defensively here.
export interface Criterion {
  criterion: string;
  points: number;
  detail: string;
}

export interface Alternative {
  volunteerId: string;
  score: number;
  matchedElsewhere: boolean;
}

export interface Explanation {
  score: number;
  criteria: Criterion[];
  alternatives: Alternative[];
  distanceKm?: number;
  sharedInterests: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function readExplanation(value: unknown): Explanation {
  const explanation = isObject(value) ? value : {};
  const criteria = list(explanation.criteria).map((entry) => ({
    criterion: String(entry.criterion ?? ''),
    points: Number(entry.points ?? 0),
    detail: String(entry.detail ?? ''),
  }));
  const alternatives = list(explanation.alternatives).map((entry) => ({
    volunteerId: String(entry.volunteerId ?? ''),
    score: Number(entry.score ?? 0),
    matchedElsewhere: entry.matchedElsewhere === true,
  }));
  const sharedInterests = Array.isArray(explanation.sharedInterests) ? explanation.sharedInterests.map(String) : [];
  const score = typeof explanation.score === 'number' ? explanation.score : criteria.reduce((sum, c) => sum + c.points, 0);
  return {
    score,
    criteria,
    alternatives,
    distanceKm: typeof explanation.distanceKm === 'number' ? explanation.distanceKm : undefined,
    sharedInterests,
  };
}

/** Each criterion's share of the score, in whole percent, for a bar. */
export function shares(criteria: readonly Criterion[]): number[] {
  const total = criteria.reduce((sum, c) => sum + Math.max(0, c.points), 0);
  if (total === 0) return criteria.map(() => 0);
  return criteria.map((c) => Math.round((Math.max(0, c.points) * 100) / total));
}
