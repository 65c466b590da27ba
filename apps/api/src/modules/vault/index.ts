export { vaultRouter, vaultContext } from './vault.handlers';
export { resolveSecret } from './vault.service';
