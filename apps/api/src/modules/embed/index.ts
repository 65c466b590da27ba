export { embedRouter } from './embed.handlers';
