// The rows of the change view: a household's measures on two days and the
// difference, for the few measures a professional reads at a glance (the
// full set is in the GraphML and CSV exports, docs/measures.md).

export type MeasureKind = 'count' | 'share' | 'number' | 'yesNo';

export interface MeasureDefinition {
  key: string;
  kind: MeasureKind;
}

export const kNetworkMeasures: MeasureDefinition[] = [
  { key: 'size', kind: 'count' },
  { key: 'informalShare', kind: 'share' },
  { key: 'kinShare', kind: 'share' },
  { key: 'professionalShare', kind: 'share' },
  { key: 'density', kind: 'number' },
  { key: 'components', kind: 'count' },
  { key: 'effectiveSize', kind: 'number' },
  { key: 'multiplexity', kind: 'share' },
  { key: 'reciprocity', kind: 'share' },
];

export interface ChangeRow {
  key: string;
  then: string;
  now: string;
  change: string;
  /** +1 up, -1 down, 0 same, null when either day has no value. */
  direction: 1 | -1 | 0 | null;
}

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function formatValue(value: unknown, kind: MeasureKind, language: string): string {
  if (kind === 'yesNo') return value === true ? '✓' : value === false ? '–' : '';
  const number = asNumber(value);
  if (number === null) return '';
  if (kind === 'share') return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(number);
  if (kind === 'count') return new Intl.NumberFormat(language).format(number);
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(number);
}

// The difference as shown, so that the arrow never points up beside "0 pp".
function rounded(value: number | null, kind: MeasureKind): number | null {
  if (value === null) return null;
  if (kind === 'share') return Math.round(value * 100);
  if (kind === 'number') return Math.round(value * 100) / 100;
  return value;
}

/** The difference with its sign; shares in percentage points. */
export function formatChange(value: unknown, kind: MeasureKind, language: string): string {
  const number = asNumber(value);
  if (number === null || kind === 'yesNo') return '';
  const scaled = kind === 'share' ? number * 100 : number;
  const text = new Intl.NumberFormat(language, {
    maximumFractionDigits: kind === 'count' ? 0 : kind === 'share' ? 0 : 2,
    signDisplay: 'exceptZero',
  }).format(scaled);
  return kind === 'share' ? `${text} pp` : text;
}

export function changeRows(
  definitions: MeasureDefinition[],
  then: Record<string, unknown>,
  now: Record<string, unknown>,
  change: Record<string, unknown>,
  language: string,
): ChangeRow[] {
  return definitions.map(({ key, kind }) => {
    const difference = rounded(asNumber(change[key]), kind);
    return {
      key,
      then: formatValue(then[key], kind, language),
      now: formatValue(now[key], kind, language),
      change: formatChange(change[key], kind, language),
      direction: difference === null ? null : difference > 0 ? 1 : difference < 0 ? -1 : 0,
    };
  });
}
