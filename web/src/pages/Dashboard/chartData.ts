// Chart options and their table alternatives for the practice dashboards,
// built from the analyses API. Pure: unit-tested without a browser.
import type { CollaborationMonth, HouseholdMeasures, MobilisationMonth, PracticeComparison } from '../../api/analyses';
import type { TableData } from '../../components/ChartWithTable';

// The theme's colours for who mobilised support (src/theme/base.css).
export const kMobiliserColours = { self: '#0072b2', network: '#009e73', professional: '#d55e00' } as const;
const kFont = { fontFamily: 'Source Sans 3, Arial, sans-serif', fontSize: 13, color: '#1b1b1b' };

export type Translate = (key: string) => string;

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The months added up: acts, and the share each mobiliser set in motion. */
export function mobilisationTotal(months: readonly MobilisationMonth[]) {
  const acts = months.reduce((sum, m) => sum + m.acts, 0);
  const sum = (who: 'self' | 'network' | 'professional') => months.reduce((total, m) => total + m[who], 0);
  const share = (count: number) => (acts === 0 ? 0 : count / acts);
  return { acts, selfShare: share(sum('self')), networkShare: share(sum('network')), professionalShare: share(sum('professional')) };
}

export function mobilisationChart(months: readonly MobilisationMonth[], t: Translate) {
  const series = (['self', 'network', 'professional'] as const).map((who) => ({
    name: t(`dashboard.mobiliser.${who}`),
    type: 'bar',
    stack: 'acts',
    itemStyle: { color: kMobiliserColours[who] },
    data: months.map((month) => month[who]),
  }));
  const option = {
    textStyle: kFont,
    // The container carries the accessible name; the table has the numbers.
    aria: { enabled: false },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', name: t('dashboard.acts') },
    series,
  };
  const table: TableData = {
    columns: [t('dashboard.month'), t('dashboard.mobiliser.self'), t('dashboard.mobiliser.network'), t('dashboard.mobiliser.professional'), t('dashboard.total')],
    rows: months.map((m) => [
      m.month,
      `${m.self} (${percent(m.selfShare)})`,
      `${m.network} (${percent(m.networkShare)})`,
      `${m.professional} (${percent(m.professionalShare)})`,
      m.acts,
    ]),
  };
  return { option, table };
}

export function collaborationChart(months: readonly CollaborationMonth[], t: Translate) {
  const option = {
    textStyle: kFont,
    aria: { enabled: false },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: t('dashboard.share'), axisLabel: { formatter: (v: number) => percent(v) } },
      { type: 'value', name: t('dashboard.handovers'), minInterval: 1 },
    ],
    series: [
      { name: t('dashboard.jointShare'), type: 'line', data: months.map((m) => m.jointShare), itemStyle: { color: '#1d4f73' }, symbol: 'circle' },
      { name: t('dashboard.activationShare'), type: 'line', data: months.map((m) => m.activationShare), itemStyle: { color: '#009e73' }, lineStyle: { type: 'dashed' }, symbol: 'diamond' },
      { name: t('dashboard.handovers'), type: 'bar', yAxisIndex: 1, data: months.map((m) => m.handovers), itemStyle: { color: '#d55e00' } },
    ],
  };
  const table: TableData = {
    columns: [t('dashboard.month'), t('dashboard.jointShare'), t('dashboard.activationShare'), t('dashboard.handovers'), t('dashboard.total')],
    rows: months.map((m) => [m.month, `${m.jointActs} (${percent(m.jointShare)})`, `${m.activations} (${percent(m.activationShare)})`, m.handovers, m.acts]),
  };
  return { option, table };
}

/** Households per fifth of informal share of their network: 0-20%, …, 80-100%. */
export function informalShareBins(measures: readonly HouseholdMeasures[]): number[] {
  const bins = [0, 0, 0, 0, 0];
  for (const household of measures) {
    if (household.size === 0 || !Number.isFinite(household.informalShare)) continue;
    const bin = Math.min(4, Math.floor(household.informalShare * 5));
    bins[bin]! += 1;
  }
  return bins;
}

export function capacityChart(measures: readonly HouseholdMeasures[], t: Translate) {
  const bins = informalShareBins(measures);
  const labels = ['0–20%', '20–40%', '40–60%', '60–80%', '80–100%'];
  const option = {
    textStyle: kFont,
    aria: { enabled: false },
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: labels, name: t('dashboard.informalShare'), nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: t('dashboard.households'), minInterval: 1 },
    series: [{ name: t('dashboard.households'), type: 'bar', data: bins, itemStyle: { color: '#009e73' } }],
  };
  const table: TableData = { columns: [t('dashboard.informalShare'), t('dashboard.households')], rows: labels.map((label, i) => [label, bins[i]!]) };
  return { option, table };
}

export function comparisonChart(items: readonly PracticeComparison[], t: Translate) {
  const names = items.map((item) => item.name ?? item.practiceId.slice(0, 8));
  const share = (item: PracticeComparison, who: 'self' | 'network' | 'professional') =>
    (item.mobilisation?.total?.[`${who}Share`] as number | undefined) ?? 0;
  const option = {
    textStyle: kFont,
    aria: { enabled: false },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => percent(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => percent(v) } },
    yAxis: { type: 'category', data: names, axisLabel: { width: 160, overflow: 'truncate' } },
    series: (['self', 'network', 'professional'] as const).map((who) => ({
      name: t(`dashboard.mobiliser.${who}`),
      type: 'bar',
      stack: 'share',
      itemStyle: { color: kMobiliserColours[who] },
      data: items.map((item) => share(item, who)),
    })),
  };
  const table: TableData = {
    columns: [t('dashboard.practice'), t('dashboard.mobiliser.self'), t('dashboard.mobiliser.network'), t('dashboard.mobiliser.professional'), t('dashboard.jointShare'), t('dashboard.handovers')],
    rows: items.map((item, i) => [
      names[i]!,
      percent(share(item, 'self')),
      percent(share(item, 'network')),
      percent(share(item, 'professional')),
      percent((item.collaboration?.total?.jointShare as number | undefined) ?? 0),
      (item.collaboration?.total?.handovers as number | undefined) ?? 0,
    ]),
  };
  return { option, table };
}
