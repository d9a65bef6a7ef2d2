import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { ACTING_PATHS } from "@/lib/api/openapi/acting-paths";
import { CLUSTER_PATHS } from "@/lib/api/openapi/cluster-paths";
import { INSIGHTS_PATHS } from "@/lib/api/openapi/insights-paths";
import { PLATFORM_PATHS } from "@/lib/api/openapi/platform-paths";
import { POSTMORTEM_PATHS } from "@/lib/api/openapi/postmortem-paths";
import { REGULATORY_PATHS } from "@/lib/api/openapi/regulatory-paths";
import { SLACK_INBOUND_PATHS } from "@/lib/api/openapi/slack-inbound-paths";
import { SLACK_OUTBOUND_PATHS } from "@/lib/api/openapi/slack-outbound-paths";
import { WORKBENCH_PATHS } from "@/lib/api/openapi/workbench-paths";

const API_DIR = path.join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Routes that are no part of Logbook's own contract, and why. */
const OUTSIDE_THE_CONTRACT: Record<string, string> = {
  "/api/auth/{...all}": "better-auth's own endpoints (sign-in, sessions), documented by better-auth",
  "/api/v1/openapi.json": "this document itself",
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** `app/api/v1/incidents/[idOrRef]/route.ts` → `/api/v1/incidents/{idOrRef}`. */
function openApiPath(file: string): string {
  const dir = path.relative(path.join(process.cwd(), "app"), path.dirname(file));
  return "/" + dir.split(path.sep).map((part) => part.replace(/^\[(.+)\]$/, "{$1}")).join("/");
}

function handlersOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return METHODS.filter((method) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source));
}

describe("the OpenAPI document", () => {
  it("has every route handler under app/api, path and method", () => {
    const documented = buildOpenApiDocument("http://localhost:3000").paths as Record<string, Record<string, unknown>>;
    const handlers = routeFiles(API_DIR).flatMap((file) => handlersOf(file).map((method) => ({ path: openApiPath(file), method })));
    expect(handlers.length).toBeGreaterThan(50);
    const missing = handlers
      .filter(({ path: p }) => !(p in OUTSIDE_THE_CONTRACT))
      .filter(({ path: p, method }) => !documented[p]?.[method.toLowerCase()])
      .map(({ path: p, method }) => `${method} ${p}`);
    expect(missing).toEqual([]);
  });

  it("documents no operation that has no handler", () => {
    const handlers = new Set(routeFiles(API_DIR).flatMap((file) => handlersOf(file).map((method) => `${method} ${openApiPath(file)}`)));
    const documented = Object.entries(buildOpenApiDocument("http://localhost:3000").paths as Record<string, Record<string, unknown>>).flatMap(([p, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${p}`),
    );
    expect(documented.filter((operation) => !handlers.has(operation))).toEqual([]);
  });

  it("takes each path from one path file (a second definition would silently replace the first)", () => {
    const files = { ACTING_PATHS, CLUSTER_PATHS, INSIGHTS_PATHS, PLATFORM_PATHS, POSTMORTEM_PATHS, REGULATORY_PATHS, SLACK_INBOUND_PATHS, SLACK_OUTBOUND_PATHS, WORKBENCH_PATHS };
    const owners = new Map<string, string[]>();
    for (const [file, paths] of Object.entries(files)) for (const p of Object.keys(paths)) owners.set(p, [...(owners.get(p) ?? []), file]);
    expect([...owners].filter(([, inFiles]) => inFiles.length > 1)).toEqual([]);
  });
});
