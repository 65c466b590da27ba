import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** created_at / updated_at pair shared by every table. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/** Random uuid primary key (gen_random_uuid is core since Postgres 13). */
export const uuidPk = () => uuid('id').primaryKey().defaultRandom();
