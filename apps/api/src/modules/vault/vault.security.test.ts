// What the vault reveals about a secret (last4) and what a failed vault write logs.
import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, createTestProject, testDb } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

// every console line of these tests
const lines: string[] = [];
beforeEach(() => {
  lines.length = 0;
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  }
});
afterEach(() => vi.restoreAllMocks());

/** A unique alias (SCREAMING_SNAKE) so a trigger on the shared table only hits this test. */
const uniqueAlias = (stem: string) => `${stem}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;

describe('key vault: what a secret reveals', () => {
  it('reveals no last4 for values under 12 characters, in responses and in the stored row', async () => {
    const p = await createTestProject();
    const cases = [
      { alias: 'TINY_SECRET', value: 'TAkQ', last4: null },
      { alias: 'SHORT_SECRET', value: 'pw-9x7Qz4Lm', last4: null }, // 11 characters
      { alias: 'LONG_SECRET', value: 'pw-9x7Qz4LmR', last4: '4LmR' }, // 12 characters
    ];
    for (const { alias, value, last4 } of cases) {
      const put = await api(`/vault/secrets/${alias}`, { method: 'PUT', key: p.key, json: { value } });
      expect(put.status).toBe(201);
      expect(await put.json()).toMatchObject({ alias, version: 1, last4 });
      const rotated = await api(`/vault/secrets/${alias}/rotate`, { method: 'POST', key: p.key, json: { value } });
      expect(((await rotated.json()) as { last4: string | null }).last4).toBe(last4);
      const [row] = await handle.db
        .select({ last4: schema.secureKeys.last4 })
        .from(schema.secureKeys)
        .where(and(eq(schema.secureKeys.projectId, p.id), eq(schema.secureKeys.alias, alias), eq(schema.secureKeys.version, 1)));
      expect(row!.last4).toBe(last4);
    }
    const list = (await (await api('/vault/secrets', { key: p.key })).json()) as { items: Array<{ alias: string; last4: string | null }> };
    expect(list.items.filter((i) => i.alias !== 'LONG_SECRET').map((i) => i.last4)).toEqual([null, null, null, null]);
    expect(list.items.filter((i) => i.alias === 'LONG_SECRET').map((i) => i.last4)).toEqual(['4LmR', '4LmR']);
  });
});

describe('key vault: a failed write', () => {
  const alias = uniqueAlias('BROKEN_WRITE');
  const fn = `cogo_test_refuse_${alias.toLowerCase()}`;

  beforeEach(async () => {
    // a BEFORE INSERT trigger that refuses this alias, with a DETAIL quoting the row like Postgres's
    // own constraint errors do ("Key (…)=(…) already exists")
    await handle.db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$
        begin
          if new.alias = '${alias}' then
            raise exception 'vault write refused for this alias' using errcode = 'P0001', detail = 'Key (last4)=(' || coalesce(new.last4, '') || ') ciphertext ' || new.ciphertext;
          end if;
          return new;
        end $$`),
    );
    await handle.db.execute(sql.raw(`create trigger ${fn} before insert on cogo.secure_keys for each row execute function ${fn}()`));
  });
  afterEach(async () => {
    await handle.db.execute(sql.raw(`drop trigger if exists ${fn} on cogo.secure_keys`));
    await handle.db.execute(sql.raw(`drop function if exists ${fn}()`));
  });

  it('answers a generic 500 and logs the SQLSTATE, message and SQL text, never the parameters or the detail', async () => {
    const p = await createTestProject();
    const value = `sk-live-${crypto.randomUUID()}-Wqzv`;
    const res = await api(`/vault/secrets/${alias}`, { method: 'PUT', key: p.key, json: { value } });
    expect(res.status).toBe(500);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error).toMatchObject({ code: 'INTERNAL', message: 'internal error' });
    expect(JSON.stringify(body)).not.toContain('refused');

    const logged = lines.filter((l) => l.includes('unhandled error'));
    expect(logged).toHaveLength(1);
    const line = logged[0]!;
    const entry = JSON.parse(line) as { requestId: string; error: Record<string, unknown> };
    expect(entry.requestId).toBe(body.error.requestId);
    expect(entry.error).toMatchObject({ name: 'DatabaseError', code: 'P0001', message: 'vault write refused for this alias' });
    expect(entry.error.query).toMatch(/^insert into "cogo"\."secure_keys" .* values \(default, \$1, /);
    for (const l of lines) {
      expect(l).not.toContain(value);
      expect(l).not.toContain(value.slice(-4));
      expect(l).not.toContain('params');
      expect(l).not.toContain('ciphertext ');
      expect(l).not.toContain('Key (last4)');
    }
  });

  it('still answers 409 on a unique violation, recognised by its SQLSTATE', async () => {
    const p = await createTestProject();
    await handle.db.execute(
      sql.raw(`create or replace function ${fn}() returns trigger language plpgsql as $$
        begin
          if new.alias = '${alias}' then
            raise exception 'simulated race' using errcode = 'unique_violation', detail = 'Key (alias)=(' || new.alias || ') already exists';
          end if;
          return new;
        end $$`),
    );
    const res = await api(`/vault/secrets/${alias}`, { method: 'PUT', key: p.key, json: { value: 'a-long-enough-secret' } });
    expect(res.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe('CONFLICT');
  });
});
