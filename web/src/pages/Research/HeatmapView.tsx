import { Heading, Table } from '@amsterdam/design-system-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, heatmapOption } from './heatmapChart';
import { formatValue, heatmapTable, type HeatCell, type Heatmap, type Measure } from './heatmapData';

interface HeatmapViewProps {
  title: string;
  description: string;
  heatmap: Heatmap;
  measure: Measure;
  onSelect: (cell: HeatCell) => void;
}

/**
 * A heat map with the same numbers as a table, as ChartWithTable shows the
 * dashboards' charts; here a click on a cell, or on the number in the
 * table, opens the fragments behind it.
 */
export function HeatmapView({ title, description, heatmap, measure, onSelect }: HeatmapViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const option = useMemo(() => heatmapOption(heatmap, measure), [heatmap, measure]);
  const grid = useMemo(() => heatmapTable(heatmap), [heatmap]);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (view !== 'chart' || !container.current) return;
    const chart = echarts.init(container.current, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    chart.on('click', (params) => {
      const [x, y] = (params.value as [number, number, number]) ?? [];
      const cell = heatmap.cells.find((candidate) => candidate.x === x && candidate.y === y);
      if (cell) select.current(cell);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, view, heatmap]);

  const height = Math.max(200, 90 + 30 * heatmap.rows.length);
  return (
    <section className="db-chart" aria-labelledby={`${id}-title`}>
      <div className="db-chart__head">
        <Heading level={3} id={`${id}-title`}>
          {title}
        </Heading>
        <div className="db-toggle" role="group" aria-label={t('charts.view', { title })}>
          <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
            {t('charts.chart')}
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            {t('charts.table')}
          </button>
        </div>
      </div>
      <p className="db-muted" id={`${id}-desc`}>
        {description}
      </p>
      {heatmap.rows.length === 0 || heatmap.columns.length === 0 ? (
        <p>{t('research.analyses.empty')}</p>
      ) : view === 'chart' ? (
        <div key="chart" ref={container} className="db-chart__canvas" style={{ height }} role="img" aria-label={title} aria-describedby={`${id}-desc`} />
      ) : (
        <div key="table" className="db-table-scroll">
          <Table className="db-table db-table--compact">
            <Table.Caption className="db-visually-hidden">{title}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('research.analyses.code')}</Table.HeaderCell>
                {heatmap.columns.map((column) => (
                  <Table.HeaderCell key={column.key} scope="col">
                    {column.label}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {grid.map((row, y) => (
                <Table.Row key={heatmap.rows[y]!.key}>
                  <Table.HeaderCell scope="row" className="rs-row-label">
                    {heatmap.rows[y]!.label.trim()}
                  </Table.HeaderCell>
                  {row.map((cell, x) => (
                    <Table.Cell key={heatmap.columns[x]!.key}>
                      {cell ? (
                        <button
                          type="button"
                          className="rs-heat-cell"
                          onClick={() => onSelect(cell)}
                          aria-label={t('research.analyses.cellLabel', { code: heatmap.rows[y]!.label.trim(), column: heatmap.columns[x]!.label, value: formatValue(cell.value, measure) })}
                        >
                          {formatValue(cell.value, measure)}
                        </button>
                      ) : (
                        <span className="db-muted">0</span>
                      )}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
