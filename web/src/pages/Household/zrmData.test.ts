import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../api/households';
import { zrmChart, zrmProfile } from './zrmData';

function assessment(date: string, scores: [string, number][]): Assessment {
  return { id: date, date, personId: 'p', scores: scores.map(([domain, score]) => ({ domain, score })) } as Assessment;
}

describe('zrmProfile', () => {
  const profile = zrmProfile([
    assessment('2026-03-01', [['housing', 4], ['finances', 3], ['socialNetwork', 2]]),
    assessment('2026-01-01', [['housing', 2], ['finances', 1]]),
  ]);

  it('orders assessments by date and keeps only the domains ever scored, in ZRM order', () => {
    expect(profile.dates).toEqual(['2026-01-01', '2026-03-01']);
    expect(profile.domains).toEqual(['finances', 'housing', 'socialNetwork']);
  });

  it('leaves a gap, not a zero, where a domain was not scored', () => {
    expect(profile.scores.get('socialNetwork')).toEqual([null, 2]);
    expect(profile.scores.get('housing')).toEqual([2, 4]);
  });

  it('puts the same scores in the chart and the table', () => {
    const { option, table } = zrmChart(profile, (code) => code, (score) => `s${score}`, (date) => date);
    expect(option.series.map((s) => s.name)).toEqual(['finances', 'housing', 'socialNetwork']);
    expect(table.rows).toEqual([
      ['finances', '1 s1', '3 s3'],
      ['housing', '2 s2', '4 s4'],
      ['socialNetwork', '—', '2 s2'],
    ]);
  });

  it('is empty without assessments', () => {
    expect(zrmProfile([])).toEqual({ dates: [], domains: [], scores: new Map() });
  });
});
