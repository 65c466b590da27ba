export { llmHealthRouter } from './llm-health.handlers';
export { runProviderProbes } from './llm-health.cron';
export { envProviderStatus, providerMetrics, type ProviderMetrics } from './llm-health.service';
