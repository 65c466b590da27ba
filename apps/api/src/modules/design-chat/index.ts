export { designChatRouter, designTurn } from './design-chat.handlers';
