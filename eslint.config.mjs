import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { clientBoundaryRule } from "./scripts/eslint-rules/client-boundary.mjs";

// DESIGN.md §5 as lint rules. Flat config replaces (does not merge) a rule's options when
// several blocks match one file, so each folder block below lists every restriction that
// applies to it rather than relying on an earlier block.

const dbLayer = [
  { regex: "^@/db(/.*)?$", message: "Only lib/services (verbs), the CLI, server.ts and tests touch db/ (DESIGN.md §5)." },
  { regex: "^(\\.\\.?/)+(.*/)?db(/.*)?$", message: "Only lib/services (verbs), the CLI, server.ts and tests touch db/ (DESIGN.md §5)." },
];

const PURE = "is a pure module (DESIGN.md §5): data in, data out, no database, framework or I/O.";
const pureModuleImports = [
  ...dbLayer,
  { regex: "^@/lib/(services|auth|api|jobs|integrations|collab)(/.*)?$", message: `This folder ${PURE}` },
  { regex: "^(\\.\\.?/)+(lib/)?(services|auth)(/.*)?$", message: `This folder ${PURE}` },
  { regex: "^next(/.*)?$", message: `This folder ${PURE}` },
  { regex: "^drizzle-orm(/.*)?$", message: `This folder ${PURE}` },
  { regex: "^postgres$", message: `This folder ${PURE}` },
  { regex: "^@electric-sql/", message: `This folder ${PURE}` },
  { regex: "^(node:)?(fs|fs/promises|http|https|http2|net|tls|dgram|child_process)$", message: `This folder ${PURE}` },
];

const componentImports = [
  ...dbLayer,
  {
    regex: "^@/lib/(services|auth|api|jobs|platform|integrations|collab)(/.*)?$",
    // Views (IncidentView…) are shared types; a type-only import is erased at build time.
    allowTypeImports: true,
    message: "Components render props or fetch /api/v1; server components that need data live in app/ and pass it down (DESIGN.md §5).",
  },
  { regex: "^@/lib/logger$", message: "The logger is server-side; components run in the browser too." },
  { regex: "^node:", message: "Components may run in the browser: no Node.js built-ins." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "node_modules/**", "db/migrations/**", "playwright-report/**", "test-results/**", "bench/out/**", ".data/**", "dist/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,tsx}"],
    plugins: { logbook: { rules: { "client-boundary": clientBoundaryRule } } },
    rules: { "logbook/client-boundary": "error" },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: dbLayer }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: componentImports }],
    },
  },
  {
    files: ["lib/{core,ingest,correlation,regulatory,documents,catalog,insights,slack}/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: pureModuleImports }],
    },
  },
]);
