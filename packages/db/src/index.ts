export * from './client';
export * from './errors';
export * from './health';
export * from './ids';
export { createTenantPool, localSettings, TENANT_ROLE } from './tenant';
export * as schema from './schema';
