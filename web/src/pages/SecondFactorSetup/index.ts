export { SecondFactorSetup } from './SecondFactorSetup';
