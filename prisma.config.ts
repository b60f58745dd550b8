// Prisma CLI configuration for machines without internet access: the JavaScript schema engine
// runs Prisma's bundled WASM migration engine through a driver adapter, so nothing is downloaded.
// See ../shared/notes/prisma-offline.md (copied into docs/prisma-offline.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { openDriverAdapterFactory } from "./src/db/adapter.js";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // DATABASE_URL must look like a PostgreSQL URL for the CLI to read the engine type, so the
  // embedded case is chosen by GRAFEIO_CLI_ENGINE=pglite (set by the npm scripts), not by the URL.
  adapter: async () =>
    openDriverAdapterFactory(
      process.env.GRAFEIO_CLI_ENGINE === "pglite" ? undefined : process.env.DATABASE_URL,
      process.env.DATA_DIR ?? "./data",
    ),
});
