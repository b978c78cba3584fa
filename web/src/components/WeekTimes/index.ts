export { WeekTimes } from './WeekTimes';
