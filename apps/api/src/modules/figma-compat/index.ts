export { figmaCompatRouter } from './figma-compat.handlers';
