import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file opens its own database; PGlite and migrations are CPU-bound, so keep
          // the pool to the machine's two cores.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { NODE_ENV: "test", BETTER_AUTH_SECRET: "test-secret-that-is-long-enough-0123456789", LOGBOOK_URL: "http://localhost:3000" },
        },
      },
    ],
  },
});
