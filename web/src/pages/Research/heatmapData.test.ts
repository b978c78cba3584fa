import { describe, expect, it } from 'vitest';
import type { CodeCooccurrence, CodeMatrix } from '../../api/research';
import { cooccurrenceHeatmap, formatValue, heatmapTable, matrixHeatmap } from './heatmapData';

const kCodes = [
  { id: 'c1', label: 'Steun' },
  { id: 'c2', label: 'Afstemming' },
];

const kMatrix: CodeMatrix = {
  columnsAre: 'practice',
  codebookVersion: 3,
  columns: [
    { column: 'p1', notes: 4 },
    { column: 'p2', notes: 2 },
  ],
  cells: [
    { codeId: 'c1', column: 'p2', codings: 3, notes: 1, share: 0.5 },
    { codeId: 'c2', column: 'p1', codings: 5, notes: 2, share: 0.5 },
    { codeId: 'gone', column: 'p1', codings: 1, notes: 1, share: 0.25 },
  ],
};

describe('matrix heat maps', () => {
  it('places cells by column and code, for the measure asked', () => {
    const heatmap = matrixHeatmap(kMatrix, kCodes, (column) => column.toUpperCase(), 'codings');
    expect(heatmap.columns.map((c) => c.label)).toEqual(['P1', 'P2']);
    expect(heatmap.cells.map((c) => [c.x, c.y, c.value])).toEqual([
      [1, 0, 3],
      [0, 1, 5],
    ]);
    expect(heatmap.max).toBe(5);
    expect(matrixHeatmap(kMatrix, kCodes, String, 'share').cells.map((c) => c.value)).toEqual([0.5, 0.5]);
    expect(matrixHeatmap(kMatrix, kCodes, String, 'notes').cells[1]).toMatchObject({ value: 2, codeId: 'c2', column: 'p1' });
  });

  it('fills a table with empty cells where the API left them out', () => {
    const table = heatmapTable(matrixHeatmap(kMatrix, kCodes, String, 'codings'));
    expect(table.map((row) => row.map((cell) => cell?.value ?? null))).toEqual([
      [null, 3],
      [5, null],
    ]);
  });

  it('formats shares as percentages', () => {
    expect(formatValue(0.333, 'share')).toBe('33%');
    expect(formatValue(7, 'codings')).toBe('7');
  });
});

describe('co-occurrence', () => {
  it('mirrors each pair across the diagonal', () => {
    const answer: CodeCooccurrence = { codebookVersion: 1, cells: [{ codeId: 'c1', otherCodeId: 'c2', overlaps: 4, notes: 2 }] };
    const heatmap = cooccurrenceHeatmap(answer, kCodes, 'overlaps');
    expect(heatmapTable(heatmap).map((row) => row.map((cell) => cell?.value ?? null))).toEqual([
      [null, 4],
      [4, null],
    ]);
    expect(heatmap.cells[1]).toMatchObject({ codeId: 'c2', column: 'c1' });
  });
});
