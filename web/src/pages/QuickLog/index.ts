export { QuickLog } from './QuickLog';
