export { MemberCheck } from './MemberCheck';
