export * from './figma';
export * from './openai';
export * from './samples';
export * from './slack';
export type { FaultInput, FaultRule } from './http/fault-queue';
export type { RecordedRequest } from './http/request-log';
export { serializeJsonChunks } from './http/json-chunks';
