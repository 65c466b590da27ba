// The circuit breaker's rules, apart from the Durable Object so they are plain functions (and importable outside
// workerd). closed → (N consecutive failures) → open until cooldown → half-open: one probe → closed or open again.

export interface CircuitPolicy {
  /** Consecutive failures that open the circuit. */
  failures: number;
  cooldownMs: number;
}

export type Admission = { allowed: true; probe: boolean } | { allowed: false; cooldownUntilMs: number };

export interface CircuitReport {
  ok: boolean;
  latencyMs: number;
  /** Short cause of a failure (status or error class), never a provider's body. */
  error?: string;
  /** This call was the half-open probe. */
  probe?: boolean;
}

export interface CircuitSnapshot {
  state: 'closed' | 'open' | 'half_open';
  consecutiveFailures: number;
  cooldownUntilMs: number | null;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  samples: number;
  lastError: string | null;
}

export interface CircuitState {
  failures: number;
  /** Set while open (and through half-open until the probe reports). */
  openUntilMs: number | null;
  /** When the half-open probe was admitted; a probe that never reports frees the slot after a cooldown. */
  probeSinceMs: number | null;
  lastError: string | null;
  samples: Array<{ at: number; ok: boolean; ms: number }>;
}

/** Outcomes kept for the error rate and latency percentiles. */
const WINDOW_MS = 5 * 60_000;
const MAX_SAMPLES = 500;

/** Decides whether one call may go now, marking a half-open probe as taken. */
export function admitCall(state: CircuitState, policy: CircuitPolicy, now: number): Admission {
  if (state.openUntilMs === null) return { allowed: true, probe: false };
  if (now < state.openUntilMs) return { allowed: false, cooldownUntilMs: state.openUntilMs };
  const probeFree = state.probeSinceMs === null || now - state.probeSinceMs > policy.cooldownMs;
  if (!probeFree) return { allowed: false, cooldownUntilMs: state.probeSinceMs! + policy.cooldownMs };
  state.probeSinceMs = now;
  return { allowed: true, probe: true };
}

/** Applies a call's outcome. */
export function recordOutcome(state: CircuitState, policy: CircuitPolicy, report: CircuitReport, now: number): void {
  state.samples.push({ at: now, ok: report.ok, ms: Math.max(0, Math.round(report.latencyMs)) });
  if (state.samples.length > MAX_SAMPLES) state.samples.splice(0, state.samples.length - MAX_SAMPLES);
  if (report.ok) {
    state.failures = 0;
    if (report.probe || (state.openUntilMs !== null && now >= state.openUntilMs)) {
      state.openUntilMs = null;
      state.probeSinceMs = null;
    }
    return;
  }
  state.failures += 1;
  state.lastError = report.error ?? 'failed';
  if (report.probe || state.failures >= policy.failures) {
    state.openUntilMs = now + policy.cooldownMs;
    state.probeSinceMs = null;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;

/** The circuit's public state and its recent outcomes. */
export function snapshotOf(state: CircuitState, now: number): CircuitSnapshot {
  const recent = state.samples.filter((s) => now - s.at <= WINDOW_MS);
  const latencies = recent.filter((s) => s.ok).map((s) => s.ms).sort((a, b) => a - b);
  const open = state.openUntilMs !== null;
  return {
    state: !open ? 'closed' : now < state.openUntilMs! ? 'open' : 'half_open',
    consecutiveFailures: state.failures,
    cooldownUntilMs: state.openUntilMs,
    errorRate: recent.length ? recent.filter((s) => !s.ok).length / recent.length : 0,
    p50Ms: latencies.length ? percentile(latencies, 50) : null,
    p95Ms: latencies.length ? percentile(latencies, 95) : null,
    samples: recent.length,
    lastError: state.lastError,
  };
}
