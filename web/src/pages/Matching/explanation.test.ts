import { describe, expect, it } from 'vitest';
import { readExplanation, shares } from './explanation';

describe('readExplanation', () => {
  it('reads the criteria, the alternatives and the distance', () => {
    const explanation = readExplanation({
      method: 'min-cost flow over all open requests of the practice',
      score: 160,
      criteria: [
        { criterion: 'base', points: 100, detail: 'meets every hard constraint' },
        { criterion: 'distance', points: 20, detail: '1.2 km' },
        { criterion: 'spreading', points: 40, detail: 'idle' },
      ],
      distanceKm: 1.2,
      sharedInterests: ['wandelen'],
      alternatives: [{ volunteerId: 'v2', score: 120, matchedElsewhere: true }],
    });
    expect(explanation.score).toBe(160);
    expect(explanation.criteria.map((c) => c.criterion)).toEqual(['base', 'distance', 'spreading']);
    expect(explanation.alternatives).toEqual([{ volunteerId: 'v2', score: 120, matchedElsewhere: true }]);
    expect(explanation.distanceKm).toBe(1.2);
    expect(explanation.sharedInterests).toEqual(['wandelen']);
  });

  it('survives what a volunteer gets (criteria only) and nonsense', () => {
    const volunteer = readExplanation({ criteria: [{ criterion: 'base', points: 100 }] });
    expect(volunteer.score).toBe(100);
    expect(volunteer.alternatives).toEqual([]);
    expect(readExplanation(null)).toEqual({ score: 0, criteria: [], alternatives: [], distanceKm: undefined, sharedInterests: [] });
    expect(readExplanation({ criteria: 'x', alternatives: [1, null] }).alternatives).toEqual([]);
  });
});

describe('shares', () => {
  it('gives each criterion its whole-percent share', () => {
    expect(shares([{ criterion: 'base', points: 100, detail: '' }, { criterion: 'distance', points: 100, detail: '' }])).toEqual([50, 50]);
    expect(shares([])).toEqual([]);
    expect(shares([{ criterion: 'base', points: 0, detail: '' }])).toEqual([0]);
  });
});
