// The ZRM profile of a household over time, as a chart and as a table.
// Only the domains that were scored appear: every domain is optional
// (the Dutch DPA, 2018), and a missing score is a gap, not a zero.
import type { Assessment } from '../../api/households';
import type { TableData } from '../../components/ChartWithTable';

export const kZrmDomains = [
  'finances', 'workAndEducation', 'timeUse', 'housing', 'domesticRelations', 'mentalHealth', 'physicalHealth',
  'substanceUse', 'basicAdl', 'instrumentalAdl', 'socialNetwork', 'socialParticipation', 'justice',
] as const;

export type ZrmDomain = (typeof kZrmDomains)[number];

// Okabe-Ito and darker companions: distinguishable, each with its own marker.
const kColours = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#1b1b1b', '#8a5300', '#5b3a8c', '#b0201a', '#00805d', '#1d4f73', '#6b7580'];
const kSymbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];

export interface ZrmProfile {
  dates: string[];
  domains: ZrmDomain[];
  /** score[domain][i] for dates[i]; null where that assessment left it out. */
  scores: Map<ZrmDomain, (number | null)[]>;
}

/** The assessments of one person, oldest first, with the domains ever scored. */
export function zrmProfile(assessments: readonly Assessment[]): ZrmProfile {
  const ordered = [...assessments].sort((a, b) => a.date.localeCompare(b.date));
  const domains = kZrmDomains.filter((domain) => ordered.some((a) => a.scores?.some((s) => s.domain === domain)));
  const scores = new Map<ZrmDomain, (number | null)[]>();
  for (const domain of domains) {
    scores.set(domain, ordered.map((a) => a.scores?.find((s) => s.domain === domain)?.score ?? null));
  }
  return { dates: ordered.map((a) => a.date), domains, scores };
}

export function zrmChart(profile: ZrmProfile, domainLabel: (code: string) => string, scoreLabel: (score: number) => string, title: (date: string) => string) {
  const option = {
    textStyle: { fontFamily: 'Source Sans 3, Arial, sans-serif', fontSize: 13, color: '#1b1b1b' },
    aria: { enabled: false },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 150, right: 24, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: profile.dates.map(title), boundaryGap: false },
    yAxis: { type: 'value', min: 1, max: 5, interval: 1, axisLabel: { formatter: (value: number) => `${value} ${scoreLabel(value)}` } },
    series: profile.domains.map((domain, index) => ({
      name: domainLabel(domain),
      type: 'line',
      connectNulls: true,
      symbol: kSymbols[index % kSymbols.length],
      symbolSize: 9,
      itemStyle: { color: kColours[index % kColours.length] },
      data: profile.scores.get(domain),
    })),
  };
  const table: TableData = {
    columns: ['', ...profile.dates.map(title)],
    rows: profile.domains.map((domain) => [
      domainLabel(domain),
      ...profile.scores.get(domain)!.map((score) => (score === null ? '—' : `${score} ${scoreLabel(score)}`)),
    ]),
  };
  return { option, table };
}
