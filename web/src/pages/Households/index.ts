export { Households } from './Households';
