export { chatRouter } from './chat.handlers';
