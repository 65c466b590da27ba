export { figmaContextRouter } from './figma-context.handlers';
