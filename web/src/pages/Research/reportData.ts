// The practice report's own chart (carrying capacity at the start and end of
// the period) and the months in the dashboard's shape, so the report draws
// mobilisation and collaboration with the dashboard's charts. Pure.
import type { CollaborationMonth, MobilisationMonth } from '../../api/analyses';
import type { PracticeReport } from '../../api/research';
import type { TableData } from '../../components/ChartWithTable';
import { percent, type Translate } from '../Dashboard/chartData';

type ReportMonth = PracticeReport['months'][number];
type CapacityDay = PracticeReport['capacity']['start'];

/** A month without acts has no shares: 0 in the tables, a gap nowhere. */
export function reportMonths(months: readonly ReportMonth[]): (MobilisationMonth & CollaborationMonth)[] {
  return months.map((m) => ({
    month: m.month ?? '',
    acts: m.acts,
    self: m.self,
    network: m.network,
    professional: m.professional,
    selfShare: m.selfShare ?? 0,
    networkShare: m.networkShare ?? 0,
    professionalShare: m.professionalShare ?? 0,
    jointActs: m.jointActs,
    jointShare: m.jointShare ?? 0,
    activations: m.activations,
    activationShare: m.activationShare ?? 0,
    handovers: m.handovers,
  }));
}

/** The share of households with informal coverage per support type, at the start and at the end. */
export function capacityComparison(
  start: CapacityDay,
  end: CapacityDay,
  labels: { supportType: (code: string) => string; start: string; end: string },
  t: Translate,
) {
  const types = end.bySupportType.map((type) => type.supportType);
  const { supportType: supportTypeLabel, start: startLabel, end: endLabel } = labels;
  const option = {
    textStyle: { fontFamily: 'Source Sans 3, Arial, sans-serif', fontSize: 13, color: '#1b1b1b' },
    aria: { enabled: false },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => percent(v) },
    legend: { top: 0 },
    grid: { left: 150, right: 24, top: 40, bottom: 24 },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => percent(v) } },
    yAxis: { type: 'category', inverse: true, data: types.map(supportTypeLabel) },
    series: [
      { name: startLabel, type: 'bar', data: start.bySupportType.map((s) => s.coveredShare ?? 0), itemStyle: { color: '#b8b8b8' } },
      { name: endLabel, type: 'bar', data: end.bySupportType.map((s) => s.coveredShare ?? 0), itemStyle: { color: '#1d4f73' } },
    ],
  };
  const cell = (count: number, share: number | null | undefined) => `${count} (${share == null ? '–' : percent(share)})`;
  const table: TableData = {
    columns: [t('research.report.supportType'), t('research.report.coveredStart'), t('research.report.coveredEnd'), t('research.report.redundantStart'), t('research.report.redundantEnd')],
    rows: types.map((_, i) => {
      const then = start.bySupportType[i]!;
      const now = end.bySupportType[i]!;
      return [supportTypeLabel(now.supportType), cell(then.covered, then.coveredShare), cell(now.covered, now.coveredShare), cell(then.redundant, then.redundantShare), cell(now.redundant, now.redundantShare)];
    }),
  };
  return { option, table };
}
