export { healthRouter, livenessRouter } from './health.handlers';
