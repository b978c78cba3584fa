export { Household } from './Household';
