// The checks `./cogo deploy --dry-run` makes on one environment of wrangler.toml against the Worker's
// EnvSchema (apps/api/src/env.ts): bindings declared, secrets named, vars production must not have.
// Pure: the caller reads the config (wrangler's own reader) and the schema; nothing here touches a network.
import type { WranglerConfig } from './wrangler';
import type { EnvSchemaLike } from './worker-vars';

/** Environments `./cogo deploy` targets; both run ENVIRONMENT=production (only bindings, vars and secrets differ). */
export const DEPLOY_ENVS = ['staging', 'production'] as const;
export type DeployEnv = (typeof DEPLOY_ENVS)[number];

/**
 * EnvSchema keys that hold secrets: set with `wrangler secret put`, never in [vars]. By name, so a new
 * `…_SECRET`, `…_TOKEN` or `…_KEY` is a secret from the start.
 */
export function isSecretName(name: string): boolean {
  return name === 'DATABASE_URL' || /(SECRET|TOKEN|PASSWORD|_KEY)$/.test(name);
}

/** Vars a production Worker must not have: local-only wiring and the credential-less dev mode. */
const REFUSED_IN_PRODUCTION: Record<string, (value: string) => boolean> = {
  EDGE_AUTH_OPTIONAL: (v) => v === 'true' || v === '1',
  DEV_PROJECT_ID: () => true,
  DATABASE_WS_PROXY: () => true,
};

export interface SecretLine {
  name: string;
  required: boolean;
}

export interface ConfigReport {
  bindings: Array<{ name: string; kind: string; resource: string }>;
  secrets: SecretLine[];
  vars: Record<string, string>;
  problems: string[];
}

type BindingKind = 'Durable Object' | 'Queue' | 'R2 bucket';

/** What the config declares for each binding kind EnvSchema uses, by binding name → resource. */
function declaredBindings(config: WranglerConfig): Record<BindingKind, Map<string, string>> {
  return {
    'Durable Object': new Map(config.durable_objects.bindings.map((b) => [b.name, b.class_name])),
    Queue: new Map((config.queues.producers ?? []).map((b) => [b.binding, b.queue])),
    'R2 bucket': new Map(config.r2_buckets.map((b) => [b.binding, b.bucket_name ?? '(no bucket_name)'])),
  };
}

/** The kind EnvSchema's binding() helper names in its message ("Durable Object X binding missing"). */
function bindingKind(message: string): BindingKind | undefined {
  return (['Durable Object', 'Queue', 'R2 bucket'] as const).find((k) => message.startsWith(k));
}

/**
 * The secrets EnvSchema refuses to run without for these vars: parse with the vars, stand-ins for the
 * bindings and no secrets, then fill each secret it asks for with a value of the right shape and parse
 * again, so a rule that needs one secret once another is present (e.g. HMAC_SECRET with REQUIRE_HMAC) is found too.
 */
export function requiredSecrets(schema: EnvSchemaLike, vars: Record<string, string>): string[] {
  const bindings = Object.fromEntries(
    Object.entries(schema.shape)
      .filter(([, s]) => s._zod.def.type === 'custom')
      .map(([name]) => [name, {}]),
  );
  const filled: Record<string, string> = {};
  const required = new Set<string>();
  for (let round = 0; round < 10; round++) {
    const result = schema.safeParse({ ...vars, ...bindings, ...filled });
    const asked = (result.error?.issues ?? [])
      .map((i) => String(i.path[0] ?? ''))
      .filter((name) => isSecretName(name) && !(name in vars) && !(name in filled));
    if (asked.length === 0) break;
    for (const name of asked) {
      required.add(name);
      filled[name] = standIn(schema, name);
    }
  }
  return [...required].sort();
}

/** A value EnvSchema accepts for the secret `name` (only ever parsed here, never sent anywhere). */
function standIn(schema: EnvSchemaLike, name: string): string {
  const candidates = ['postgres://stand-in@localhost/cogo', btoa('x'.repeat(32)), 'x'.repeat(64), 'https://stand-in.invalid/'];
  return candidates.find((c) => schema.shape[name]?.safeParse(c).success) ?? 'x'.repeat(64);
}

/** Checks one deploy environment of the config; `problems` empty means it passes. */
export function checkConfig(config: WranglerConfig, schema: EnvSchemaLike, env: string): ConfigReport {
  const problems: string[] = [];
  const where = `[env.${env}]`;
  const declared = declaredBindings(config);
  const bindings: ConfigReport['bindings'] = [];
  for (const [name, s] of Object.entries(schema.shape)) {
    if (s._zod.def.type !== 'custom') continue;
    const message = s.safeParse(undefined).error?.issues[0]?.message ?? '';
    const kind = bindingKind(message);
    const found = kind
      ? declared[kind].get(name)
      : [...Object.values(declared)].map((m) => m.get(name)).find((v) => v !== undefined);
    if (found === undefined) {
      problems.push(
        `binding ${name} (${kind ?? 'binding'}) is not declared for env ${env}: add it to ${where} in wrangler.toml ` +
          '(wrangler does not inherit bindings from the top level)',
      );
    } else bindings.push({ name, kind: kind ?? 'binding', resource: found });
  }
  // a Durable Object class no migration creates would fail the real deploy
  const created = new Set(config.migrations.flatMap((m) => [...(m.new_classes ?? []), ...(m.new_sqlite_classes ?? [])]));
  for (const b of config.durable_objects.bindings) {
    if (!created.has(b.class_name)) problems.push(`Durable Object class ${b.class_name} (${b.name}) is created by no [[migrations]] tag`);
  }

  const vars = Object.fromEntries(Object.entries(config.vars).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  for (const [name, value] of Object.entries(vars)) {
    if (!(name in schema.shape)) problems.push(`var ${name} in ${where} is not a Worker variable (not in EnvSchema, apps/api/src/env.ts)`);
    else if (isSecretName(name)) problems.push(`${name} is a secret and must not be in ${where}.vars: set it with wrangler secret put ${name} --env ${env}`);
    else if (REFUSED_IN_PRODUCTION[name]?.(value)) problems.push(`var ${name}=${value} is refused in ${where}: production must not have it`);
  }
  if (vars.ENVIRONMENT !== 'production') {
    problems.push(`var ENVIRONMENT in ${where} must be "production" (got ${vars.ENVIRONMENT ?? 'nothing'}): every deployed environment runs the production code paths`);
  }

  const needed = requiredSecrets(schema, vars);
  const declaredSecrets = config.secrets?.required ?? [];
  for (const name of needed) {
    if (!declaredSecrets.includes(name)) {
      problems.push(`secret ${name} is required by EnvSchema but not listed in ${where} secrets.required`);
    }
  }
  for (const name of declaredSecrets) {
    if (!(name in schema.shape)) problems.push(`secret ${name} in ${where} secrets.required is not in EnvSchema`);
  }
  // whatever EnvSchema still refuses with every secret it asks for present is a var problem (e.g. EDGE_AUTH_OPTIONAL=true)
  const withSecrets = Object.fromEntries(needed.map((n) => [n, standIn(schema, n)]));
  const stubs = Object.fromEntries(Object.keys(schema.shape).filter((k) => schema.shape[k]?._zod.def.type === 'custom').map((k) => [k, {}]));
  for (const issue of schema.safeParse({ ...vars, ...withSecrets, ...stubs }).error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    const line = `EnvSchema refuses ${where}: ${path}: ${issue.message}`;
    if (!problems.some((p) => p.includes(`var ${path}=`))) problems.push(line);
  }

  const secretNames = Object.keys(schema.shape).filter(isSecretName);
  const secrets = [...new Set([...declaredSecrets, ...secretNames])]
    .map((name) => ({ name, required: declaredSecrets.includes(name) || needed.includes(name) }))
    .sort((a, b) => Number(b.required) - Number(a.required) || a.name.localeCompare(b.name));
  return { bindings, secrets, vars, problems };
}
