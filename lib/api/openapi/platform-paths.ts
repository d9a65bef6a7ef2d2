import { z } from "zod";
import { importBackstageCatalogInput } from "@/lib/services/catalog/inputs";
import type { BackstageImportResult } from "@/lib/services/catalog/views";
import { configureSsoInput } from "@/lib/services/sso/inputs";
import type { SsoSettingsView } from "@/lib/services/sso/views";
import { json, op, READ, ref, WRITE } from "./operations";

/**
 * Running Logbook like our users run their services (API.md "Platform"): single sign-on
 * per organisation and the Backstage catalogue import. Spread into document.ts; the response
 * schemas are checked against the views at compile time.
 */

const ssoSettingsSchema = z.object({
  issuer: z.string(),
  clientId: z.string(),
  providerId: z.string(),
  roleClaim: z.string().nullable(),
  roleMapping: z.record(z.string(), z.string()).describe("claim value → role; the highest role of a person's values wins"),
  defaultRole: z.string(),
  passwordSignInDisabled: z.boolean(),
  redirectUri: z.string().describe("register this at the identity provider"),
});

const backstageImportSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  teamsCreated: z.array(z.string()),
  skipped: z.array(z.object({ entity: z.string(), reason: z.string() })),
});

type Assignable<A, B extends A> = B;
// Compile-time only: each view must satisfy the schema stated for it.
type _PlatformViewsMatchSchemas = [Assignable<z.infer<typeof ssoSettingsSchema>, SsoSettingsView>, Assignable<z.infer<typeof backstageImportSchema>, BackstageImportResult>];

export const PLATFORM_PATHS = {
  "/api/v1/sso": {
    get: op("The organisation's OIDC single sign-on (never the client secret), or null", { ok: 200, response: { oneOf: [ref("SsoSettings"), { type: "null" }] }, errors: READ, tag: "Settings" }),
    put: op("Set the OIDC identity provider: its discovery document is read first (422 naming issuer when it cannot be used); roles come from a claim at every sign-in", {
      body: configureSsoInput,
      ok: 200,
      response: ref("SsoSettings"),
      errors: WRITE,
      tag: "Settings",
    }),
  },
  "/api/v1/import/backstage": {
    post: op("Create or update services from Backstage Component entities (given, or read from a catalog-info.yaml or the catalog API; up to 10 MiB); 502 when the catalog cannot be read", {
      body: importBackstageCatalogInput,
      ok: 200,
      response: ref("BackstageImport"),
      errors: [...WRITE, 502],
      tag: "Catalog",
    }),
  },
};

export const PLATFORM_SCHEMAS = { SsoSettings: json(ssoSettingsSchema), BackstageImport: json(backstageImportSchema) };
