export { MyFile } from './MyFile';
