export { Research } from './Research';
