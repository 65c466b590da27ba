export { jobsRouter, jobView } from './jobs.handlers';
