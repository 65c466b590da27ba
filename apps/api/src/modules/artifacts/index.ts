export { artifactsRouter } from './artifacts.handlers';
export { artifactObjectKey, artifactPath, pointerOf, storeArtifact, type StoreArtifactInput } from './artifacts.service';
export { sweepArtifacts } from './artifacts.sweep';
