export { figmaWebhooksRouter } from './figma-webhooks.handlers';
