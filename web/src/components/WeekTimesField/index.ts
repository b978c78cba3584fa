export { WeekTimesField } from './WeekTimesField';
