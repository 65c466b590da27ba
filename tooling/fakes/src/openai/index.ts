export * from './openai-fake';
export * from './openai-types';
export { parseSse, sseFrame } from './sse';
export type { SseEvent } from './sse';
export { embedText, float32ToBase64, base64ToFloat32 } from './embeddings';
export { echoReply, tokenPieces } from './chat-reply';
export { schemaInstance } from './schema-instance';
export { CONTROL_PREFIX as OPENAI_CONTROL_PREFIX } from './openai-control';
