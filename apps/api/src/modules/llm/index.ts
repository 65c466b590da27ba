export { llmRouter } from './llm.handlers';
