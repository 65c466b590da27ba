export { startSlackFake, type SlackFake, type SlackFault, type SlackPost } from './slack-fake';
export { checkMessage } from './slack-blocks';
