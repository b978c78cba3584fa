import { describe, expect, it } from 'vitest';
import type { PracticeReport } from '../../api/research';
import { capacityComparison, reportMonths } from './reportData';

const t = (key: string) => key;

function day(date: string, households: number, covered: number[], redundant: number[]): PracticeReport['capacity']['start'] {
  const types = ['emotional', 'practical', 'informational', 'companionship'];
  return {
    date,
    households,
    bySupportType: types.map((supportType, i) => ({
      supportType,
      covered: covered[i]!,
      coveredShare: households === 0 ? null : covered[i]! / households,
      redundant: redundant[i]!,
      redundantShare: households === 0 ? null : redundant[i]! / households,
    })),
  };
}

describe('reportMonths', () => {
  it('gives a month without acts shares of 0, in the dashboard shape', () => {
    const [month] = reportMonths([
      { month: '2026-01', acts: 0, self: 0, network: 0, professional: 0, selfShare: null, networkShare: null, professionalShare: null, jointActs: 0, jointShare: null, activations: 0, activationShare: null, handovers: 1 },
    ]);
    expect(month).toMatchObject({ month: '2026-01', acts: 0, selfShare: 0, jointShare: 0, activationShare: 0, handovers: 1 });
  });
});

describe('capacityComparison', () => {
  it('puts the start and the end of each support type side by side', () => {
    const { option, table } = capacityComparison(
      day('2026-01-01', 4, [1, 2, 0, 4], [0, 1, 0, 2]),
      day('2026-03-31', 4, [2, 4, 1, 4], [1, 3, 0, 4]),
      { supportType: (code) => `label:${code}`, start: 'begin', end: 'eind' },
      t,
    );
    expect(table.rows[1]).toEqual(['label:practical', '2 (50%)', '4 (100%)', '1 (25%)', '3 (75%)']);
    expect(option.series.map((series) => series.name)).toEqual(['begin', 'eind']);
    expect(option.series[0]!.data).toEqual([0.25, 0.5, 0, 1]);
    expect(option.yAxis.data).toEqual(['label:emotional', 'label:practical', 'label:informational', 'label:companionship']);
  });

  it('shows a dash, not 0%, when no household could be analysed', () => {
    const { table } = capacityComparison(day('2026-01-01', 0, [0, 0, 0, 0], [0, 0, 0, 0]), day('2026-03-31', 0, [0, 0, 0, 0], [0, 0, 0, 0]), { supportType: String, start: 'b', end: 'e' }, t);
    expect(table.rows[0]).toEqual(['emotional', '0 (–)', '0 (–)', '0 (–)', '0 (–)']);
  });
});
