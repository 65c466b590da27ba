export { pagesRouter, pageView } from './pages.handlers';
