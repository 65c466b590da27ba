export { artifactsRouter } from './artifacts.handlers';
export { artifactObjectKey, artifactPath, discardArtifacts, offloadJson, pointerOf, storeArtifact, type StoreArtifactInput } from './artifacts.service';
export { sweepArtifacts } from './artifacts.sweep';
