export { uuiRouter } from './uui.handlers';
