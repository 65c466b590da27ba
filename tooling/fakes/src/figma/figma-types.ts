// Public types of the Figma REST API fake.
import type { GetFileResponse, GetLocalVariablesResponse, WebhookV2 } from '@figma/rest-api-spec';
import type { FaultInput } from '../http/fault-queue';
import type { RecordedRequest } from '../http/request-log';
import type { FigmaQuota } from './figma-quota';
import type { WebhookDelivery } from './figma-webhooks';

/** The `meta` of GET /v1/files/:key/variables/local. */
export type LocalVariablesMeta = GetLocalVariablesResponse['meta'];

/** A fault the Figma fake can inject; see FaultRule for counts and path scoping. */
export type FigmaFault =
  | {
      kind: 'rate-limit';
      retryAfterSeconds: number;
      /** X-Figma-Plan-Tier, e.g. 'starter', 'pro', 'org', 'enterprise'. Default 'starter'. */
      planTier?: string;
      /** X-Figma-Rate-Limit-Type: 'low' or 'high'. Default 'low'. */
      limitType?: string;
      /** X-Figma-Upgrade-Link. */
      upgradeLink?: string;
    }
  | { kind: 'server-error'; status?: 500 | 502 | 503 }
  | { kind: 'latency'; ms: number }
  | { kind: 'truncated' }
  /** Fires only when the request's `ids` list is longer than maxIds (always, when maxIds is not given). */
  | { kind: 'too-large'; maxIds?: number }
  | { kind: 'forbidden' }
  | { kind: 'not-found' };

export type FigmaFaultInput = FaultInput<FigmaFault>;

export interface FigmaFakeOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Files served by key. When omitted the project's sample files (and their variables) are loaded. */
  files?: Record<string, GetFileResponse>;
  /** Local variables by file key. */
  variables?: Record<string, LocalVariablesMeta>;
  /** Also load the sample files when `files` is given. Default: true only when `files` is omitted. */
  includeSamples?: boolean;
  /** When set, requests need `X-Figma-Token: <token>` or `Authorization: Bearer <token>`. */
  token?: string;
}

export interface FigmaFake {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:5123 (paths start with /v1). */
  url: string;
  port: number;
  /** Origin of the image host the render and fill URLs point at (another port: Figma's are S3 links). */
  imagesUrl: string;
  /** Adds or replaces a file (a replacement bumps `version` unless it names a new one); immutable afterwards (responses are cached). */
  addFile: (key: string, file: GetFileResponse) => void;
  /** Adds or replaces the local variables of a file. */
  addVariables: (key: string, meta: LocalVariablesMeta) => void;
  /** Replaces the fault rules; a plain fault applies once, a rule `{ fault, times, path }` as configured. */
  setFaults: (faults: readonly FigmaFaultInput[]) => void;
  clearFaults: () => void;
  /** Enforces Figma's tiered quotas per token (429s with the real headers), or stops with null. Off by default. */
  setQuota: (quota: FigmaQuota | null) => void;
  /** Accepts another token besides `token` (each token has its own quota buckets). */
  addToken: (token: string) => void;
  /** The webhooks created through POST /v2/webhooks, passcodes included (Figma's GET hides them). */
  webhooks: () => WebhookV2[];
  /** Sends an event to a webhook's endpoint as Figma does (passcode, webhook_id, timestamp; 3 retries on failure). */
  deliverWebhook: (id: string, event: Record<string, unknown>) => Promise<WebhookDelivery>;
  /** Number of fault rules with uses left. */
  pendingFaults: () => number;
  /** Every request received, in order (credentials redacted). */
  requests: RecordedRequest[];
  close: () => Promise<void>;
}
