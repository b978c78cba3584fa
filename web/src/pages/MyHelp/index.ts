export { MyHelp } from './MyHelp';
