// Words for design-sync states (lib/sync-status.ts, lib/sync-credentials.ts): an operation's outcome (replayed wins),
// an undo's 409 reason explained, a browser session's tally; a credential's check, expiry and last 4 characters.
import { CogoApiError } from '@cogo/api-client';
import { describe, expect, it } from 'vitest';
import { credentialLine } from '../lib/sync-credentials';
import { outcomeOf, outcomeText, sessionFinished, sessionTally, undoRefusal } from '../lib/sync-status';
import type { BrowserSession, Credential } from '../lib/sync-types';

describe('sync outcome', () => {
  it('names applied, partial, noop and replayed', () => {
    expect(outcomeOf({ status: 'succeeded', replayed: false })).toBe('applied');
    expect(outcomeOf({ status: 'partial', replayed: false })).toBe('partial');
    expect(outcomeOf({ status: 'noop', replayed: false })).toBe('noop');
    expect(outcomeOf({ status: 'succeeded', replayed: true })).toBe('replayed');
    expect(outcomeText({ status: 'noop', replayed: false })).toMatch(/^Nothing to do/);
  });
});

describe('undo refusal', () => {
  const envelope = (code: string, details?: Record<string, unknown>) => ({ error: { code, message: 'operation op_1 is already undone', requestId: 'r1', ...(details ? { details } : {}) } });
  it('explains the 409 reason, from an envelope or a CogoApiError', () => {
    expect(undoRefusal(envelope('CONFLICT', { reason: 'already_undone', operation_id: 'op_1' }))).toEqual({ reason: 'already_undone', explanation: 'It has already been undone.' });
    expect(undoRefusal(new CogoApiError(409, envelope('CONFLICT', { reason: 'later_operation' }) as never))?.explanation).toMatch(/undo that one first/);
    // an unknown reason falls back to the API's message
    expect(undoRefusal(envelope('CONFLICT', { reason: 'new_reason' }))).toEqual({ reason: 'new_reason', explanation: 'operation op_1 is already undone' });
  });
  it('is null for anything else', () => {
    expect(undoRefusal(envelope('NOT_FOUND'))).toBeNull();
    expect(undoRefusal(envelope('CONFLICT'))).toBeNull();
    expect(undoRefusal(new Error('network'))).toBeNull();
  });
});

describe('browser session tally', () => {
  const result = (status: 'passed' | 'failed' | 'timeout') => ({ story_id: `s--${status}`, status, console_errors: [], screenshot: null, duration_ms: 1 });
  const session = (status: BrowserSession['status'], results: ReturnType<typeof result>[]) => ({ status, stories: { total: 6, passed: 0, failed: 0 }, results });
  it('counts passed, failed and timeouts', () => {
    expect(sessionTally(session('queued', []))).toBe('queued: 6 stories');
    expect(sessionTally(session('running', [result('passed')]))).toBe('1 passed, 0 failed of 6 so far');
    expect(sessionTally(session('done', [result('passed'), result('failed'), result('timeout')]))).toBe('1 passed, 1 failed, 1 timed out of 6');
    expect(sessionFinished({ status: 'running' })).toBe(false);
    expect(sessionFinished({ status: 'failed' })).toBe(true);
  });
});

describe('credential line', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  const cred = (over: Partial<Credential> = {}): Credential => ({
    kind: 'figma',
    status: 'active',
    last4: 'a1b2',
    check: { ok: true, status: 200, message: 'token of ada@example.com', checked_at: '2026-05-01T11:30:00.000Z' },
    expires_at: null,
    expires_in_days: null,
    disabled_reason: null,
    updated_at: '2026-05-01T11:30:00.000Z',
    ...over,
  });
  it('shows the check, the expiry and the last 4 characters, never more', () => {
    expect(credentialLine('figma', cred(), now)).toEqual({
      kind: 'figma',
      label: 'Figma token',
      stored: true,
      state: 'ok',
      status: 'active',
      check: 'passed (200) 2026-05-01 11:30 UTC: token of ada@example.com',
      expiry: 'no expiry',
      last4: '…a1b2',
    });
  });
  it('warns within 7 days of expiry and flags expired, disabled or failed ones', () => {
    expect(credentialLine('figma', cred({ expires_at: '2026-05-06T12:00:00.000Z' }), now)).toMatchObject({ state: 'warn', expiry: 'in 5 days (2026-05-06)' });
    expect(credentialLine('figma', cred({ expires_at: '2026-06-30T12:00:00.000Z' }), now).state).toBe('ok');
    expect(credentialLine('figma', cred({ expires_at: '2026-04-01T00:00:00.000Z' }), now)).toMatchObject({ state: 'bad', expiry: 'expired 2026-04-01' });
    expect(credentialLine('slack', cred({ kind: 'slack', status: 'disabled', disabled_reason: 'Slack answered 404 no_service' }), now)).toMatchObject({ state: 'bad', status: 'disabled: Slack answered 404 no_service' });
    expect(credentialLine('storybook', undefined, now)).toMatchObject({ stored: false, state: 'none', status: 'not set', label: 'Storybook URL' });
  });
});
