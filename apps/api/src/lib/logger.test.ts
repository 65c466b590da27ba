// describeError against real driver errors: what Postgres said and where, never the row values.
import { schema } from '@cogo/db';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/helpers';
import { describeError } from './logger';

const handle = testDb();
afterAll(() => handle.close());

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('describeError', () => {
  it('keeps SQLSTATE, message, constraint and table of a failed query, not its params or detail', async () => {
    const slug = `t-dup-${crypto.randomUUID()}`;
    const insert = () => handle.db.insert(schema.projects).values({ slug, name: 'Confidential Name' });
    await insert();
    const err = await caught(insert);
    // the driver's own detail quotes the row ("Key (slug)=(…) already exists"), drizzle's message the params
    expect(String(err)).toContain(slug);

    const described = describeError(err);
    expect(described).toMatchObject({ name: 'DatabaseError', code: '23505', constraint: 'projects_slug_uq', table: 'projects', schema: 'public' });
    expect(described.message).toMatch(/duplicate key value violates unique constraint/);
    expect(described.query).toMatch(/^insert into "projects" .*\$1/);
    const line = JSON.stringify(described);
    expect(line).not.toContain(slug);
    expect(line).not.toContain('Confidential Name');
    expect(line).not.toContain('params');
    expect(line).not.toContain('Key (slug)');
  });

  it('describes a wrapped database error through its cause, and redacts connection strings', () => {
    const pg = Object.assign(new Error('relation "nope" does not exist'), { severity: 'ERROR', code: '42P01', detail: 'row (x)=(secret)' });
    const query = Object.assign(new Error('Failed query: select 1 from nope where a = $1\nparams: secret-value'), { query: 'select 1 from nope where a = $1', params: ['secret-value'], cause: pg });
    const outer = new Error('could not load postgres://user:hunter2@db.example/app', { cause: query });
    const described = describeError(outer);
    expect(described).toMatchObject({
      name: 'Error',
      message: 'could not load [url]',
      cause: { name: 'DatabaseError', code: '42P01', message: 'relation "nope" does not exist', query: 'select 1 from nope where a = $1' },
    });
    const line = JSON.stringify(described);
    for (const secret of ['secret-value', 'hunter2', 'row (x)', 'params']) expect(line).not.toContain(secret);
  });
});
