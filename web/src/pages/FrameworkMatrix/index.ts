export { Findings } from './Findings';
export { FrameworkMatrix } from './FrameworkMatrix';
