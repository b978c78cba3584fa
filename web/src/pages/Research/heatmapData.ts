// The analyses' answers as heat-map data and as the same numbers in a table:
// rows are codes (in codebook order), columns practices, perspectives or,
// for co-occurrence, codes again.
import type { CodeCooccurrence, CodeMatrix, ResearchCode } from '../../api/research';

export type Measure = 'codings' | 'notes' | 'share';

export interface HeatCell {
  /** Column index, row index, value: ECharts' heat-map order. */
  x: number;
  y: number;
  value: number;
  /** What a click on the cell asks the drill-down for. */
  codeId: string;
  column: string;
}

export interface Heatmap {
  columns: { key: string; label: string }[];
  rows: { key: string; label: string }[];
  cells: HeatCell[];
  max: number;
}

/** The value of a cell for the chosen measure, as the table shows it. */
export function formatValue(value: number, measure: Measure): string {
  return measure === 'share' ? `${Math.round(value * 100)}%` : String(value);
}

/**
 * A code × practice or code × perspective matrix. Every code and every
 * column is kept, empty ones too, so the grid does not shift when a cell
 * fills; cells with no codings are left out as the API leaves them out.
 */
export function matrixHeatmap(matrix: CodeMatrix, codes: { id: string; label: string }[], columnLabel: (column: string) => string, measure: Measure): Heatmap {
  const columns = matrix.columns.map((column) => ({ key: column.column, label: columnLabel(column.column) }));
  const columnIndex = new Map(columns.map((column, index) => [column.key, index]));
  const rows = codes.map((code) => ({ key: code.id, label: code.label }));
  const rowIndex = new Map(rows.map((row, index) => [row.key, index]));
  const cells: HeatCell[] = [];
  for (const cell of matrix.cells) {
    const x = columnIndex.get(cell.column);
    const y = rowIndex.get(cell.codeId);
    if (x === undefined || y === undefined) continue;
    cells.push({ x, y, value: cell[measure], codeId: cell.codeId, column: cell.column });
  }
  return { columns, rows, cells, max: Math.max(1, ...cells.map((cell) => cell.value)) };
}

/**
 * Co-occurrence as a symmetric code × code grid: the API gives each
 * unordered pair once, the grid shows it on both sides of the diagonal.
 */
export function cooccurrenceHeatmap(answer: CodeCooccurrence, codes: { id: string; label: string }[], measure: 'overlaps' | 'notes'): Heatmap {
  const keys = codes.map((code) => ({ key: code.id, label: code.label }));
  const index = new Map(keys.map((key, i) => [key.key, i]));
  const cells: HeatCell[] = [];
  for (const pair of answer.cells) {
    const a = index.get(pair.codeId);
    const b = index.get(pair.otherCodeId);
    if (a === undefined || b === undefined) continue;
    cells.push({ x: b, y: a, value: pair[measure], codeId: pair.codeId, column: pair.otherCodeId });
    if (a !== b) cells.push({ x: a, y: b, value: pair[measure], codeId: pair.otherCodeId, column: pair.codeId });
  }
  return { columns: keys, rows: keys, cells, max: Math.max(1, ...cells.map((cell) => cell.value)) };
}

/** The grid as table rows: one per code, a cell per column, null where empty. */
export function heatmapTable(heatmap: Heatmap): (HeatCell | null)[][] {
  const grid: (HeatCell | null)[][] = heatmap.rows.map(() => heatmap.columns.map(() => null));
  for (const cell of heatmap.cells) grid[cell.y]![cell.x] = cell;
  return grid;
}

/** The codes in codebook order, each with its name indented by depth, for row labels. */
export function codeRows(codes: ResearchCode[], order: { code: ResearchCode; depth: number }[]): { id: string; label: string }[] {
  const known = new Set(codes.map((code) => code.id));
  return order.filter((node) => known.has(node.code.id)).map((node) => ({ id: node.code.id, label: `${'\u00a0\u00a0'.repeat(node.depth)}${node.code.name}` }));
}
