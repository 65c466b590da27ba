export { aiJobsRouter } from './ai-jobs.handlers';
