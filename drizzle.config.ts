// drizzle-kit: `npx drizzle-kit generate` writes SQL migrations for src/store/schema.ts into drizzle/.
// They are committed and applied at open to PGlite and PostgreSQL alike (see src/store/README.md).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/store/schema.ts",
  out: "./drizzle",
});
