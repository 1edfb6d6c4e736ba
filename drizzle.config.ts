/** `npx drizzle-kit generate --name <what>` writes the library's next migration from its schema. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/library/db/schema.ts',
  out: './server/library/migrations',
});
