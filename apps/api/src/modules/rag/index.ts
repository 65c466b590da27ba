export { ragIngestRouter } from './rag-ingest.handlers';
export { ragRouter } from './rag.handlers';
export { ragQueueRouter } from './rag-queue.handlers';
