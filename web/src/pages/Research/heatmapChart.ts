// The heat map's ECharts parts, registered beside the dashboards' charts
// only when the analyses screen loads.
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { echarts, type EChartsCoreOption } from '../../components/ChartWithTable/echarts';
import { formatValue, type Heatmap, type Measure } from './heatmapData';

echarts.use([HeatmapChart, VisualMapComponent]);

export { echarts };

/** The chart option of a heat map: codes down, columns across, darker is more. */
export function heatmapOption(heatmap: Heatmap, measure: Measure): EChartsCoreOption {
  return {
    animation: false,
    tooltip: {
      position: 'top',
      formatter: (params: { value: [number, number, number] }) => {
        const [x, y, value] = params.value;
        return `${heatmap.rows[y]?.label.trim() ?? ''} × ${heatmap.columns[x]?.label ?? ''}: ${formatValue(value, measure)}`;
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: heatmap.columns.map((column) => column.label), axisLabel: { interval: 0, rotate: heatmap.columns.length > 4 ? 30 : 0 } },
    yAxis: { type: 'category', data: heatmap.rows.map((row) => row.label), inverse: true, axisLabel: { interval: 0 } },
    visualMap: { min: 0, max: heatmap.max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f2f6fb', '#004699'] } },
    series: [
      {
        type: 'heatmap',
        data: heatmap.cells.map((cell) => [cell.x, cell.y, cell.value]),
        label: { show: true, formatter: (params: { value: [number, number, number] }) => formatValue(params.value[2], measure) },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}
