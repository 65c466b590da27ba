export { mcpRouter } from './mcp.handlers';
