// Compiles the process entry points (server.ts, the admin CLI) for production, so that
// `npm start` and the container image run plain JavaScript with `node` instead of
// transpiling TypeScript through tsx at every start. Next.js compiles the app itself
// (`next build`); this compiles only what Next.js does not: the custom server, the worker,
// the collaboration server, the CLI and everything they import from lib/ and db/.
//
// Packages stay external (resolved from node_modules at run time, as Next.js does with
// serverExternalPackages): bundling them would give the server its own copies of modules
// whose process-wide state the Next.js bundle shares through globalThis.
import { build } from "esbuild";

const started = Date.now();
await build({
  entryPoints: { server: "server.ts", cli: "cli/index.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  packages: "external",
  sourcemap: true,
  // The `@/…` aliases come from tsconfig.json, which esbuild reads.
  tsconfig: "tsconfig.json",
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
  // JSX in server-side modules (the PDF renderers) uses the automatic runtime, as tsconfig says.
  jsx: "automatic",
});
console.log(`server compiled into dist/ in ${Date.now() - started} ms`);
