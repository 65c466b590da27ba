// The provider health cron (every minute, `[triggers] crons` in wrangler.toml, next to the outbox sweep): one
// probe of every enabled provider, reported to its circuit, and each row provider's health in
// cogo.provider_health. It acts across projects, so it uses the service database, audited like the sweep.
import { readConfig, type Bindings } from '../../env';
import { serviceDbFromConfig } from '../../lib/db';
import { createLogger, describeError } from '../../lib/logger';
import { probeAllProviders, type ProbeOutcome } from './llm-health.service';

/** Runs one round of provider probes; never throws (a failed round is logged, the next minute tries again). */
export async function runProviderProbes(env: Bindings): Promise<ProbeOutcome[]> {
  let log = createLogger('warn', { cron: 'llm-provider-probes' });
  try {
    const config = readConfig(env);
    log = createLogger(config.LOG_LEVEL, { cron: 'llm-provider-probes' });
    const handle = serviceDbFromConfig(config, log, { reason: 'provider health probes', route: 'cron:llm-provider-probes' }, 2);
    try {
      return await probeAllProviders({ config, rawEnv: env as Record<string, unknown>, db: handle.db, log });
    } finally {
      await handle.close();
    }
  } catch (err) {
    log.error('provider probes failed', { error: describeError(err) });
    return [];
  }
}
