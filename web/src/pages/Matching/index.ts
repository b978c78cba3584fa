export { Matching } from './Matching';
