export { healthRouter } from './health.handlers';
