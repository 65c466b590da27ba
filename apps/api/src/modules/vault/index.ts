export { vaultRouter, vaultContext } from './vault.handlers';
export { resolveSecret, type VaultContext } from './vault.service';
