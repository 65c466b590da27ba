export { actionFlowRouter } from './actionflow.handlers';
export { bddRouter } from './bdd.handlers';
export { figmaCompatRouter } from './figma-compat.handlers';
export { symbolsRouter } from './symbols.handlers';
export { uiGenerateRouter } from './ui-generate.handlers';
