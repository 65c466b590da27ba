export { metricsRouter } from './metrics.handlers';
