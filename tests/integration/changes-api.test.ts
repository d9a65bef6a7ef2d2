import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { auditLog } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as changesRoute from "@/app/api/v1/changes/route";
import * as suspectsRoute from "@/app/api/v1/incidents/[idOrRef]/changes/route";
import * as markRoute from "@/app/api/v1/incidents/[idOrRef]/changes/[changeId]/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as serviceRoute from "@/app/api/v1/services/[slug]/route";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { createService } from "@/lib/services/catalog/create-service";
import { createTeam } from "@/lib/services/catalog/create-team";
import { listTimeline } from "@/lib/services/incidents/list-timeline";
import type { ChangeView, SuspectChangeView } from "@/lib/services/changes/views";
import type { ServiceView } from "@/lib/services/catalog/views";
import { callRoute } from "./route-request";
import { errorOf, fluxEvent, postBearer, postFlux, postGitHub, type IngestTarget } from "./ingest-delivery";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let generic: IngestTarget;
let flux: IngestTarget;
const byTitle: Record<string, ChangeView> = {};
let incidentRef: string;
let otherChangeId: string;

type Page<T> = { items: T[]; nextCursor: string | null };
const RESPONDER = "API key responder-key";
const onset = new Date(Date.now() - 30 * 60_000);
const at = (minutesFromOnset: number) => new Date(onset.getTime() + minutesFromOnset * 60_000).toISOString();

function change(title: string, minutes: number, fields: Record<string, unknown>) {
  return { type: "change", kind: "deploy_succeeded", title, occurredAt: at(minutes), externalId: title, ...fields };
}

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "bank");
  other = await createTestOrganization(database.db, "other");
  await createTeam(org.as.admin, { slug: "payments-team", name: "Payments" });
  await createService(org.as.admin, { slug: "payments-api", name: "Payments API", team: "payments-team", repositories: ["bank/payments-api"] });
  await createService(org.as.admin, { slug: "ledger", name: "Ledger" });
  generic = await createIntegration(org.as.admin, { kind: "generic", name: "Deploy script" });
  flux = await createIntegration(org.as.admin, { kind: "flux", name: "Flux prod" });
  const github = await createIntegration(org.as.admin, { kind: "github", name: "GitHub" });

  const events = [
    change("payments 2.4.1 failed in prod", -10, { kind: "deploy_failed", service: "payments-api", environment: "production", revision: "abc1234" }),
    change("payments 2.4.0 to staging", -60, { service: "payments-api", environment: "staging", revision: "9990000" }),
    change("PR #88 merged: retry budget", -40, { kind: "pr_merged", service: "payments-api", revision: "abc1234" }),
    change("ledger 7.1 to prod", -5, { service: "ledger", environment: "production", revision: "7777777" }),
    change("payments 2.3.9 to prod", -180, { service: "payments-api", environment: "production", revision: "5555555" }),
    // After onset: back to 2.3.9, which rolls back the GitHub deployment made in between.
    change("payments back to 2.3.9", 5, { service: "payments-api", environment: "production", revision: "5555555" }),
  ];
  expect((await postBearer(generic, { events })).body).toMatchObject({ events: 6 });
  const failed = fluxEvent({ name: "ledger-config", severity: "error", reason: "ReconciliationFailed", message: "kustomize build failed", timestamp: at(-15) });
  expect((await postFlux(flux, failed)).status).toBe(202);
  const deployStatus = {
    action: "created",
    deployment_status: { id: 7, state: "success", environment: "production", created_at: at(-20), updated_at: at(-20) },
    deployment: { id: 70, sha: "fedcba9876543210fedcba9876543210fedcba98", ref: "main", environment: "production", created_at: at(-22) },
    repository: { full_name: "bank/payments-api", default_branch: "main" },
    sender: { login: "octo-dev" },
  };
  expect((await postGitHub(github, "deployment_status", "delivery-ds-7", deployStatus)).status).toBe(202);

  for (const c of (await list(org.keys.viewer, "?limit=500")).body.items) byTitle[c.title] = c;
  incidentRef = (await declare({ title: "Payments failing", severity: "SEV2", services: ["payments-api"], occurredAt: onset.toISOString() })).ref;

  const theirs = await createIntegration(other.as.admin, { kind: "generic", name: "Theirs" });
  await postBearer(theirs, change("their deploy", -1, {}));
  otherChangeId = (await list(other.keys.viewer)).body.items[0]!.id;
});
afterAll(() => database.destroy());

function list(key: string, query = "") {
  return callRoute<Page<ChangeView>>(changesRoute.GET, { path: `/api/v1/changes${query}`, key });
}
function suspects(key: string, idOrRef: string, query = "") {
  return callRoute<Page<SuspectChangeView>>(suspectsRoute.GET, { path: `/api/v1/incidents/${idOrRef}/changes${query}`, key, params: { idOrRef } });
}
function mark(key: string, idOrRef: string, changeId: string, json: unknown) {
  return callRoute(markRoute.PUT, { method: "PUT", path: `/api/v1/incidents/${idOrRef}/changes/${changeId}`, key, json, params: { idOrRef, changeId } });
}
async function declare(json: unknown) {
  const answer = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; ref: string };
}
function patchService(key: string, slug: string, json: unknown) {
  return callRoute<ServiceView>(serviceRoute.PATCH, { method: "PATCH", path: `/api/v1/services/${slug}`, key, json, params: { slug } });
}
const titles = (items: Array<{ title: string } | { change: { title: string } }>) => items.map((i) => ("change" in i ? i.change.title : i.title));
const q = (value: string) => encodeURIComponent(value);

describe("the change feed", () => {
  it("lists the organisation's changes newest first, from every source, with their service", async () => {
    const answer = await list(org.keys.viewer);
    expect(answer.status).toBe(200);
    expect(titles(answer.body.items)).toEqual([
      "payments back to 2.3.9",
      "ledger 7.1 to prod",
      "payments 2.4.1 failed in prod",
      "Kustomization/flux-system/ledger-config failed: ReconciliationFailed",
      "Deployment of main to production succeeded",
      "PR #88 merged: retry budget",
      "payments 2.4.0 to staging",
      "payments 2.3.9 to prod",
    ]);
    expect(byTitle["payments 2.4.1 failed in prod"]).toMatchObject({ kind: "deploy_failed", service: "payments-api", environment: "production", revision: "abc1234", source: "generic", occurredAt: at(-10) });
    expect(byTitle["Deployment of main to production succeeded"]).toMatchObject({ kind: "deploy_succeeded", service: "payments-api", source: "github", actor: "octo-dev" });
    expect(byTitle["Kustomization/flux-system/ledger-config failed: ReconciliationFailed"]).toMatchObject({ kind: "reconcile_failed", service: null, source: "flux", environment: "production" });
  });

  it("filters by service, team, environment, kind, time and mapping", async () => {
    expect((await list(org.keys.viewer, "?service=ledger")).body.items.map((c) => c.title)).toEqual(["ledger 7.1 to prod"]);
    expect((await list(org.keys.viewer, "?team=payments-team")).body.items.every((c) => c.service === "payments-api")).toBe(true);
    expect((await list(org.keys.viewer, "?team=payments-team")).body.items).toHaveLength(6);
    expect((await list(org.keys.viewer, "?team=nobody")).body.items).toEqual([]);
    expect((await list(org.keys.viewer, "?environment=staging")).body.items.map((c) => c.title)).toEqual(["payments 2.4.0 to staging"]);
    expect(titles((await list(org.keys.viewer, "?kind=deploy_failed,reconcile_failed")).body.items)).toEqual([
      "payments 2.4.1 failed in prod",
      "Kustomization/flux-system/ledger-config failed: ReconciliationFailed",
    ]);
    // since is inclusive, until exclusive: "since yesterday" is since=<ISO>.
    expect(titles((await list(org.keys.viewer, `?since=${q(at(-20))}&until=${q(at(-5))}`)).body.items)).toEqual([
      "payments 2.4.1 failed in prod",
      "Kustomization/flux-system/ledger-config failed: ReconciliationFailed",
      "Deployment of main to production succeeded",
    ]);
    expect(titles((await list(org.keys.viewer, "?unmapped=true")).body.items)).toEqual(["Kustomization/flux-system/ledger-config failed: ReconciliationFailed"]);
    expect((await list(org.keys.viewer, "?unmapped=false")).body.items).toHaveLength(7);
  });

  it("pages with a cursor and validates every parameter", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page<ChangeView> } = await list(org.keys.viewer, `?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await list(org.keys.viewer)).body.items.map((c) => c.id));
    for (const bad of ["?kind=hotfix", "?since=yesterday", "?limit=0", "?cursor=xyz", "?unmapped=maybe"]) {
      const answer = await list(org.keys.viewer, bad);
      expect(answer.status, bad).toBe(422);
      expect(answer.body).toMatchObject({ error: { code: "validation_failed" } });
    }
  });

  it("shows another organisation only its own changes", async () => {
    expect(titles((await list(other.keys.viewer)).body.items)).toEqual(["their deploy"]);
  });
});

describe("what changed before an incident", () => {
  it("ranks the changes on its services and unmapped ones in the two hours before onset, best first, with reasons", async () => {
    const answer = await suspects(org.keys.viewer, incidentRef);
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toBeNull();
    const ranked = answer.body.items;
    expect(ranked[0]).toMatchObject({
      change: { title: "payments 2.4.1 failed in prod" },
      reasons: ["Same service: payments-api", "10 minutes before onset", "Failed", "Production environment"],
      mark: null,
    });
    expect(titles(ranked).sort()).toEqual(
      [
        "payments 2.4.1 failed in prod",
        "Deployment of main to production succeeded",
        "PR #88 merged: retry budget",
        "payments 2.4.0 to staging",
        "Kustomization/flux-system/ledger-config failed: ReconciliationFailed",
      ].sort(),
    );
    const scores = ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ranked.find((r) => r.change.title.startsWith("PR #88"))!.reasons).toContain("Same revision as a failing change (abc1234)");
    expect(ranked.find((r) => r.change.source === "github")!.reasons).toEqual(["Same service: payments-api", "20 minutes before onset", "Rolled back", "Production environment"]);
    const unmapped = ranked.find((r) => r.change.service === null)!;
    expect(unmapped.reasons).toEqual(["15 minutes before onset", "Configuration error", "Production environment"]);
  });

  it("looks further back on request, within 1 minute to 14 days", async () => {
    expect(titles((await suspects(org.keys.viewer, incidentRef, "?lookback=240")).body.items)).toContain("payments 2.3.9 to prod");
    expect(titles((await suspects(org.keys.viewer, incidentRef, "?lookback=12")).body.items)).toEqual(["payments 2.4.1 failed in prod"]);
    expect((await suspects(org.keys.viewer, incidentRef, "?lookback=20160")).status).toBe(200);
    for (const bad of ["?lookback=0", "?lookback=20161", "?lookback=soon"]) {
      const answer = await suspects(org.keys.viewer, incidentRef, bad);
      expect(answer.status, bad).toBe(422);
      expect(errorOf(answer).details[0]!.field).toBe("lookback");
    }
    expect(titles((await suspects(org.keys.viewer, incidentRef, "?limit=2")).body.items)).toHaveLength(2);
  });

  it("considers every service's changes when the incident names no service", async () => {
    const unscoped = await declare({ title: "Something is off", severity: "SEV3", occurredAt: onset.toISOString() });
    const ranked = titles((await suspects(org.keys.viewer, unscoped.ref)).body.items);
    expect(ranked).toContain("ledger 7.1 to prod");
    expect(ranked).not.toContain("payments back to 2.3.9");
  });

  it("answers 404 for another organisation's incident", async () => {
    expect((await suspects(other.keys.viewer, incidentRef)).status).toBe(404);
  });
});

describe("marking changes", () => {
  it("marks a culprit onto the timeline, once, and shows the mark in the ranking", async () => {
    const culprit = byTitle["payments 2.4.1 failed in prod"]!;
    expect((await mark(org.keys.viewer, incidentRef, culprit.id, { mark: "culprit" })).status).toBe(403);
    const bad = await mark(org.keys.responder, incidentRef, culprit.id, { mark: "guilty" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("mark");
    expect((await mark(org.keys.responder, incidentRef, otherChangeId, { mark: "culprit" })).status).toBe(404);
    expect((await mark(other.keys.responder, incidentRef, culprit.id, { mark: "culprit" })).status).toBe(404);

    const marked = await mark(org.keys.responder, incidentRef, culprit.id, { mark: "culprit" });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ change: { id: culprit.id }, mark: "culprit", markedBy: RESPONDER, markedAt: expect.any(String) });
    expect((await mark(org.keys.responder, incidentRef, culprit.id, { mark: "culprit" })).body.mark).toBe("culprit");

    const timeline = (await listTimeline(org.as.viewer, incidentRef, { kind: "change" })).items;
    expect(timeline).toEqual([expect.objectContaining({ title: "Marked payments 2.4.1 failed in prod as culprit", highlighted: true, actor: expect.objectContaining({ label: RESPONDER }) })]);
    expect((await suspects(org.keys.viewer, incidentRef)).body.items[0]).toMatchObject({ change: { id: culprit.id }, mark: "culprit", markedBy: RESPONDER });
  });

  it("dismisses, clears, and keeps a marked change listed outside the window", async () => {
    const flux = byTitle["Kustomization/flux-system/ledger-config failed: ReconciliationFailed"]!;
    const old = byTitle["payments 2.3.9 to prod"]!;
    expect((await mark(org.keys.responder, incidentRef, flux.id, { mark: "dismissed" })).body.mark).toBe("dismissed");
    expect((await mark(org.keys.responder, incidentRef, old.id, { mark: "suspect" })).body.mark).toBe("suspect");
    const culprit = byTitle["payments 2.4.1 failed in prod"]!;
    expect((await mark(org.keys.responder, incidentRef, culprit.id, { mark: null })).body).toMatchObject({ mark: null, markedBy: null });

    const ranked = (await suspects(org.keys.viewer, incidentRef)).body.items;
    expect(ranked.at(-1)).toMatchObject({ change: { id: old.id }, mark: "suspect", score: 0, reasons: [expect.stringContaining("Outside the look-back window")] });
    expect(ranked.find((r) => r.change.id === culprit.id)!.mark).toBeNull();
    const timeline = (await listTimeline(org.as.viewer, incidentRef, { kind: "change" })).items.map((e) => e.title);
    expect(timeline).toEqual(
      expect.arrayContaining([
        "Dismissed Kustomization/flux-system/ledger-config failed: ReconciliationFailed as a suspect",
        "Marked payments 2.3.9 to prod as suspect",
        "Cleared the culprit mark on payments 2.4.1 failed in prod",
      ]),
    );
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "incident.change_marked")));
    expect(audit).toHaveLength(4);
    expect(audit.at(-1)!.after).toEqual({ changeId: culprit.id, mark: null });
  });
});

describe("service mappings", () => {
  it("edits a service's mappings and moves the unmapped changes they now claim onto it", async () => {
    expect((await patchService(org.keys.responder, "ledger", { mappings: { fluxObjects: ["Kustomization/flux-system/ledger-config"] } })).status).toBe(403);
    const bad = await patchService(org.keys.editor, "ledger", { mappings: { fluxObjects: ["ledger-config"], namespaces: ["Not A Namespace"] } });
    expect(bad.status).toBe(422);
    expect(errorOf(bad).details.map((d) => d.field).sort()).toEqual(["mappings.fluxObjects.0", "mappings.namespaces.0"]);
    expect((await patchService(org.keys.editor, "ledger", {})).status).toBe(422);
    expect((await patchService(org.keys.editor, "ledger", { team: "nobody" })).status).toBe(422);
    expect((await patchService(org.keys.editor, "no-such-service", { name: "x" })).status).toBe(404);
    expect((await patchService(other.keys.admin, "ledger", { name: "Hijacked" })).status).toBe(404);

    const updated = await patchService(org.keys.editor, "ledger", { mappings: { fluxObjects: ["Kustomization/flux-system/ledger-config"], namespaces: ["ledger"] }, tier: 1, team: "payments-team" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      slug: "ledger",
      tier: 1,
      team: "payments-team",
      mappings: { fluxObjects: ["Kustomization/flux-system/ledger-config"], namespaces: ["ledger"], argoApplications: [] },
    });
    expect((await list(org.keys.viewer, "?unmapped=true")).body.items).toEqual([]);
    expect(titles((await list(org.keys.viewer, "?service=ledger")).body.items)).toEqual(["ledger 7.1 to prod", "Kustomization/flux-system/ledger-config failed: ReconciliationFailed"]);
    // Now on ledger it is no longer a candidate for the payments incident; only its mark keeps it listed.
    const fluxChange = (await suspects(org.keys.viewer, incidentRef)).body.items.find((r) => r.change.title.startsWith("Kustomization/"));
    expect(fluxChange).toMatchObject({ score: 0, mark: "dismissed", change: { service: "ledger" }, reasons: ["On a service this incident does not name; kept because it was marked"] });

    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "service.updated")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ remapped: { changes: 1, alerts: 0 } });
    expect(audit[0]!.before).toMatchObject({ tier: null, team: null });
  });

  it("keeps lists it was not given, and maps new deliveries by the new mapping", async () => {
    const renamed = await patchService(org.keys.admin, "ledger", { name: "Ledger core", team: null, mappings: { argoApplications: ["ledger"] } });
    expect(renamed.body).toMatchObject({ name: "Ledger core", team: null, mappings: { fluxObjects: ["Kustomization/flux-system/ledger-config"], argoApplications: ["ledger"] } });
    const fetched = await callRoute<ServiceView>(serviceRoute.GET, { path: "/api/v1/services/ledger", key: org.keys.viewer, params: { slug: "ledger" } });
    expect(fetched.body).toEqual(renamed.body);
    expect((await callRoute(serviceRoute.GET, { path: "/api/v1/services/ledger", key: other.keys.viewer, params: { slug: "ledger" } })).status).toBe(404);

    const applied = fluxEvent({ name: "ledger-config", reason: "ReconciliationSucceeded", message: "Applied revision: main@sha1:0123456789abcdef0123456789abcdef01234567", timestamp: new Date().toISOString() });
    expect((await postFlux(flux, applied)).status).toBe(202);
    expect((await list(org.keys.viewer, "?kind=reconcile_succeeded")).body.items).toEqual([expect.objectContaining({ service: "ledger" })]);
  });
});
