import { describe, expect, it } from 'vitest';
import type { HouseholdMeasures, MobilisationMonth } from '../../api/analyses';
import { capacityChart, informalShareBins, mobilisationChart, mobilisationTotal, percent } from './chartData';

const t = (key: string) => key;

function household(size: number, informalShare: number): HouseholdMeasures {
  return { household: 'h', size, informal: Math.round(size * informalShare), informalShare, kinShare: 0, density: 0 };
}

describe('informalShareBins', () => {
  it('counts households per fifth, a fully informal network in the last', () => {
    expect(informalShareBins([household(4, 0), household(4, 0.19), household(4, 0.2), household(4, 0.99), household(4, 1)])).toEqual([2, 1, 0, 0, 2]);
  });

  it('leaves out households without a network', () => {
    expect(informalShareBins([household(0, 0), household(3, Number.NaN)])).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('chart tables', () => {
  it('gives the mobilisation table the same numbers as the chart', () => {
    const month: MobilisationMonth = { month: '2026-01', acts: 10, self: 2, network: 5, professional: 3, selfShare: 0.2, networkShare: 0.5, professionalShare: 0.3 };
    const { option, table } = mobilisationChart([month], t);
    expect(option.series.map((s) => s.data[0])).toEqual([2, 5, 3]);
    expect(table.rows).toEqual([['2026-01', '2 (20%)', '5 (50%)', '3 (30%)', 10]]);
  });

  it('labels the capacity bins in both chart and table', () => {
    const { option, table } = capacityChart([household(5, 0.5)], t);
    expect(option.series[0]!.data).toEqual([0, 0, 1, 0, 0]);
    expect(table.rows.map((row) => row[0])).toEqual(option.xAxis.data);
  });

  it('rounds shares to whole percents', () => {
    expect(percent(0.4303)).toBe('43%');
  });
});

describe('mobilisationTotal', () => {
  it('adds the months up and takes shares of the total, not averages of shares', () => {
    const months: MobilisationMonth[] = [
      { month: '2026-01', acts: 10, self: 0, network: 10, professional: 0, selfShare: 0, networkShare: 1, professionalShare: 0 },
      { month: '2026-02', acts: 30, self: 30, network: 0, professional: 0, selfShare: 1, networkShare: 0, professionalShare: 0 },
    ];
    expect(mobilisationTotal(months)).toEqual({ acts: 40, selfShare: 0.75, networkShare: 0.25, professionalShare: 0 });
  });

  it('has no shares without acts', () => {
    expect(mobilisationTotal([])).toEqual({ acts: 0, selfShare: 0, networkShare: 0, professionalShare: 0 });
  });
});
