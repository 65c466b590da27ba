// The SSE parser lives with the contracts (packages/types), so the API reads its providers' streams with the same one.
export { parseSse, type SseFrame } from '@cogo/types/sse-parser';
