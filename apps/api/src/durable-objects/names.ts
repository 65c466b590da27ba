// Durable Object naming, kept apart from the classes so code outside workerd (the OpenAPI
// generator, Node tests) can import the app without `cloudflare:workers`.

/** The object that holds a job: `job::<jobId>`. */
export function jobCursorName(jobId: string): string {
  return `job::${jobId}`;
}

/** The object for a project's Idempotency-Key: `idem::<projectId>::<key>`. */
export function idempotencyName(projectId: string, key: string): string {
  return `idem::${projectId}::${key}`;
}

/** The object of a subject's fixed windows under a policy: `rl::<policy>::<subject>`. */
export function rateLimiterName(policy: string, subject: string): string {
  return `rl::${policy}::${subject}`;
}

/** The gate of a project (its rate windows and revoked keys): `gate::<projectId>`. */
export function projectGateName(projectId: string): string {
  return `gate::${projectId}`;
}

/** The shard that remembers an HMAC signature: `nonce::<first two hex chars>`. */
export function nonceShard(signature: string): string {
  return `nonce::${signature.slice(0, 2)}`;
}

/** The pacer of a Figma token, named by a hash prefix so the token itself is never an id: `figma::<hex>`. */
export function figmaPacerName(tokenHash: string): string {
  return `figma::${tokenHash.slice(0, 32)}`;
}

/** The JobCursor stub of a job (the namespace is typed by the caller's binding). */
export function jobCursorOf<T extends Rpc.DurableObjectBranded | undefined>(ns: DurableObjectNamespace<T>, jobId: string): DurableObjectStub<T> {
  return ns.get(ns.idFromName(jobCursorName(jobId)));
}

/** The circuit of an LLM provider: `circuit::<provider id, or env:<name> for a provider from the environment>`. */
export function providerCircuitName(providerKey: string): string {
  return `circuit::${providerKey}`;
}

/** The spend meter of a project (its cost budgets): `spend::<projectId>`. */
export function spendMeterName(projectId: string): string {
  return `spend::${projectId}`;
}
