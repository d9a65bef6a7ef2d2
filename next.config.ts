import type { NextConfig } from "next";
import { securityHeaders } from "./lib/auth/security-headers";

const nextConfig: NextConfig = {
  // The database drivers and the logger hold process-wide state (the PGlite instance, the
  // postgres pool) that server.ts creates; bundling them would give Next.js its own copies.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "pino-pretty", "proper-lockfile"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default nextConfig;
