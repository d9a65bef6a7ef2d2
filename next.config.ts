import type { NextConfig } from "next";
import { apiSecurityHeaders, securityHeaders } from "./lib/auth/security-headers";

const nextConfig: NextConfig = {
  // The build directory can be moved (NEXT_DIST_DIR=.next-perf) so that a benchmark or a
  // second checkout of work can build and serve its own production build while `next dev`,
  // `next build` or the e2e server use .next in the same working tree at the same time.
  // tsconfig.json lists .next-perf's route types, so a build there leaves tsconfig.json as it
  // is; for any other name Next.js adds that directory's types to tsconfig.json itself.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The database drivers and the logger hold process-wide state (the PGlite instance, the
  // postgres pool) that server.ts creates; bundling them would give Next.js its own copies.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "pino-pretty", "proper-lockfile", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    // Pages get their nonce-based Content-Security-Policy per request from proxy.ts.
    return [
      { source: "/:path*", headers: securityHeaders() },
      { source: "/api/:path*", headers: apiSecurityHeaders() },
    ];
  },
};

export default nextConfig;
