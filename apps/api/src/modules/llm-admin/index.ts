export { llmAdminRouter } from './llm-admin.handlers';
