// A design-sync credential's status as a person reads it: the last check, the expiry, the last 4 characters (the API
// never answers a value). Pure: the CredentialStatusCard shows one line per kind, stored or not.
import type { Credential, CredentialKind } from './sync-types';
import { plural } from './words';

export const CREDENTIAL_KINDS: readonly CredentialKind[] = ['figma', 'slack', 'storybook'];

export const KIND_LABEL: Record<CredentialKind, string> = { figma: 'Figma token', slack: 'Slack webhook', storybook: 'Storybook URL' };
export const KIND_HINT: Record<CredentialKind, string> = {
  figma: 'a personal access token (checked with GET /v1/me)',
  slack: 'an incoming-webhook URL (checked without posting)',
  storybook: 'the URL of a Storybook build (its index.json is read)',
};

export interface CredentialLine {
  kind: CredentialKind;
  label: string;
  stored: boolean;
  state: 'ok' | 'warn' | 'bad' | 'none';
  status: string;
  check: string;
  expiry: string;
  last4: string;
}

/** Whole days from `now` to `iso`, rounded down. */
const daysUntil = (iso: string, now: Date) => Math.floor((Date.parse(iso) - now.getTime()) / 86_400_000);

/** The line for `kind` (its stored credential, if any); warns from 7 days before expiry. */
export function credentialLine(kind: CredentialKind, c: Credential | undefined, now: Date): CredentialLine {
  const label = KIND_LABEL[kind];
  if (!c) return { kind, label, stored: false, state: 'none', status: 'not set', check: '—', expiry: '—', last4: '—' };
  const days = c.expires_at ? daysUntil(c.expires_at, now) : null;
  const expiry = c.expires_at === null || days === null ? 'no expiry' : days < 0 ? `expired ${c.expires_at.slice(0, 10)}` : `in ${plural(days, 'day')} (${c.expires_at.slice(0, 10)})`;
  const bad = c.status === 'disabled' || !c.check.ok || (days !== null && days < 0);
  const warn = !bad && days !== null && days <= 7;
  const check = `${c.check.ok ? 'passed' : 'failed'}${c.check.status !== null ? ` (${c.check.status})` : ''} ${c.check.checked_at.slice(0, 16).replace('T', ' ')} UTC: ${c.check.message}`;
  return {
    kind,
    label,
    stored: true,
    state: bad ? 'bad' : warn ? 'warn' : 'ok',
    status: c.status === 'disabled' ? `disabled${c.disabled_reason ? `: ${c.disabled_reason}` : ''}` : 'active',
    check,
    expiry,
    last4: c.last4 ? `…${c.last4}` : 'hidden',
  };
}
