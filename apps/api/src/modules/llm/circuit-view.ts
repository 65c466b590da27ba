// A provider's circuit as the calls see it: the ProviderCircuit Durable Object decides, and an isolate that was
// just told a circuit is closed trusts that for CLOSED_VIEW_MS instead of asking again on every call (one hop
// less on the hot path). Bounded staleness, stated: a circuit opened by another isolate's failures can still get
// this isolate's calls for at most that long; a failure seen here drops the view at once, so this isolate's next
// call asks the object; open and half-open circuits are never cached (their probe is always the object's to give).
import type { Admission, CircuitPolicy, CircuitReport } from '../../durable-objects/circuit-state';
import { providerCircuitName } from '../../durable-objects/names';
import type { AppConfig } from '../../env';

export const CLOSED_VIEW_MS = 250;

const closedUntil = new Map<string, number>();

/** The circuit policy of the deployment. */
export function circuitPolicy(config: AppConfig): CircuitPolicy {
  return { failures: config.LLM_CIRCUIT_FAILURES, cooldownMs: config.LLM_CIRCUIT_COOLDOWN_MS };
}

function stubOf(config: AppConfig, providerKey: string) {
  return config.PROVIDER_CIRCUIT.get(config.PROVIDER_CIRCUIT.idFromName(providerCircuitName(providerKey)));
}

/** Whether a call may go to the provider now (see the file header for the isolate's short view). */
export async function admitToProvider(config: AppConfig, providerKey: string, now = Date.now()): Promise<Admission> {
  if ((closedUntil.get(providerKey) ?? 0) > now) return { allowed: true, probe: false };
  const admission = await stubOf(config, providerKey).acquire(circuitPolicy(config));
  if (admission.allowed && !admission.probe) {
    if (closedUntil.size > 10_000) closedUntil.clear();
    closedUntil.set(providerKey, now + CLOSED_VIEW_MS);
  } else closedUntil.delete(providerKey);
  return admission;
}

/** Reports a finished call to the provider's circuit; a failure drops this isolate's view of it. */
export function recordCall(config: AppConfig, providerKey: string, report: CircuitReport): Promise<void> {
  if (!report.ok) closedUntil.delete(providerKey);
  return stubOf(config, providerKey).record(circuitPolicy(config), report);
}
