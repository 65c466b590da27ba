import { defineConfig } from 'drizzle-kit';

// Generation only reads the schema; it needs no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: '../../migrations',
});
