export { projectsRouter } from './projects.handlers';
