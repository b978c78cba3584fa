export { ChartWithTable, type TableData } from './ChartWithTable';
