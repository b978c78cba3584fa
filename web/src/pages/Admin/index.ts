export { Admin } from './Admin';
