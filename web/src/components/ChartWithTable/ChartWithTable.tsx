import { Heading, Table } from '@amsterdam/design-system-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, type EChartsCoreOption } from './echarts';

export interface TableData {
  columns: string[];
  rows: (string | number)[][];
}

interface ChartWithTableProps {
  title: string;
  description: string;
  option: EChartsCoreOption;
  table: TableData;
  height?: number;
}

/**
 * A chart with the same numbers as a table: the chart for who would rather
 * look, the table for screen readers, keyboards and anyone who wants the
 * exact figures. A toggle shows one or the other; the table is the default
 * for nobody, but always one keypress away.
 */
export function ChartWithTable({ title, description, option, table, height = 320 }: ChartWithTableProps) {
  const { t } = useTranslation();
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');

  useEffect(() => {
    if (view !== 'chart' || !container.current) return;
    const chart = echarts.init(container.current, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, view]);

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
      {view === 'chart' ? (
        <div
          key="chart"
          ref={container}
          className="db-chart__canvas"
          style={{ height }}
          role="img"
          aria-label={title}
          aria-describedby={`${id}-desc`}
        />
      ) : (
        <div key="table" className="db-table-scroll">
          <Table className="db-table db-table--compact">
            <Table.Caption className="db-visually-hidden">{title}</Table.Caption>
            <Table.Header>
              <Table.Row>
                {table.columns.map((column) => (
                  <Table.HeaderCell key={column} scope="col">
                    {column}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {table.rows.map((row, index) => (
                <Table.Row key={index}>
                  {row.map((cell, column) =>
                    column === 0 ? (
                      <Table.HeaderCell key={column} scope="row">
                        {cell}
                      </Table.HeaderCell>
                    ) : (
                      <Table.Cell key={column}>{cell}</Table.Cell>
                    ),
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
