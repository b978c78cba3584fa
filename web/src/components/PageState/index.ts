export { LoadError, Loading } from './PageState';
