// The service health board, the since-yesterday digest (verb and routes) and Grafana links
// kept on alerts, on fixtures relative to now: each service is built to have one colour for
// known reasons, and each digest section holds exactly what happened in its window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { actionItem, alert, changeEvent, incident, incidentService } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as digestRoute from "@/app/api/v1/digest/route";
import * as healthRoute from "@/app/api/v1/service-health/route";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { createService } from "@/lib/services/catalog/create-service";
import { createTeam } from "@/lib/services/catalog/create-team";
import { listAlerts } from "@/lib/services/alerts/list-alerts";
import { getDigest } from "@/lib/services/insights/get-digest";
import { getServiceHealth } from "@/lib/services/insights/get-service-health";
import type { DigestView, ServiceHealthBoardView } from "@/lib/services/insights/views";
import { renderDigestMessage } from "@/lib/insights/digest-message";
import { callRoute } from "./route-request";
import { postBearer } from "./ingest-delivery";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
const ids: Record<string, string> = {};
const NOW = new Date();
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const day = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
let counter = 0;

async function addIncident(title: string, fields: { severity: string; status: string; created: Date; resolved?: Date }, services: string[]) {
  const id = `inc-${++counter}`;
  await database.db.insert(incident).values({
    id,
    organizationId: org.id,
    number: 500 + counter,
    title,
    severity: fields.severity,
    status: fields.status,
    occurredAt: fields.created,
    detectedAt: fields.created,
    createdAt: fields.created,
    resolvedAt: fields.resolved ?? null,
  });
  for (const slug of services) await database.db.insert(incidentService).values({ incidentId: id, serviceId: ids[slug]! });
  return id;
}

async function addChange(title: string, kind: string, at: Date, slug: string, hints: Record<string, unknown> = {}) {
  await database.db.insert(changeEvent).values({ id: `chg-${++counter}`, organizationId: org.id, kind, serviceId: ids[slug]!, title, source: "generic", externalId: `x-${counter}`, hints, occurredAt: at });
}

async function addAlert(name: string, slug: string, fields: { severity: string; status: "firing" | "resolved"; startsAt: Date }) {
  await database.db.insert(alert).values({
    id: `alert-${++counter}`,
    organizationId: org.id,
    fingerprint: `fp-${counter}`,
    name,
    status: fields.status,
    severity: fields.severity,
    serviceId: ids[slug]!,
    labels: {},
    annotations: {},
    startsAt: fields.startsAt,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "shop");
  other = await createTestOrganization(database.db, "elsewhere");
  await createTeam(org.as.admin, { slug: "checkout", name: "Checkout" });
  await createTeam(org.as.admin, { slug: "discovery", name: "Discovery" });
  for (const [slug, team] of [
    ["cart", "checkout"],
    ["checkout-api", "checkout"],
    ["web", "checkout"],
    ["search", "discovery"],
    ["catalog", "discovery"],
    ["recommendations", "discovery"],
    ["legacy", null],
  ] as const) {
    ids[slug] = (await createService(org.as.admin, { slug, name: slug, ...(team ? { team } : {}) })).id;
  }
  // checkout-api: red, an open SEV1. cart: green, its only incident resolved an hour ago.
  const open = await addIncident("Checkout errors", { severity: "SEV1", status: "investigating", created: ago(2) }, ["checkout-api"]);
  await addIncident("Cart slow", { severity: "SEV3", status: "resolved", created: ago(30), resolved: ago(1) }, ["cart"]);
  await addIncident("Old outage", { severity: "SEV2", status: "resolved", created: ago(72), resolved: ago(50) }, ["cart"]);
  // web: red, its workload became unhealthy after its last rollout.
  await addChange("web v3 deployed", "deploy_succeeded", ago(5), "web");
  await addChange("Deployment/web unhealthy", "health_degraded", ago(4), "web");
  // search: amber, a warning alert firing and a deploy that failed 3 hours ago.
  await addAlert("SearchLatencyHigh", "search", { severity: "warning", status: "firing", startsAt: ago(3) });
  await addChange("search v9 failed", "deploy_failed", ago(3), "search");
  // catalog: amber, the latest reconciliation of its Kustomization failed.
  await addChange("Kustomization/flux-system/catalog reconciled", "reconcile_succeeded", ago(6), "catalog", { fluxObject: "Kustomization/flux-system/catalog" });
  await addChange("Kustomization/flux-system/catalog failed: HealthCheckFailed", "reconcile_failed", ago(2), "catalog", { fluxObject: "Kustomization/flux-system/catalog" });
  // recommendations: green, a reconciliation failed and then succeeded; a resolved alert; an old failed deploy.
  await addChange("Kustomization/flux-system/recs failed", "reconcile_failed", ago(8), "recommendations", { fluxObject: "Kustomization/flux-system/recs" });
  await addChange("Kustomization/flux-system/recs reconciled", "reconcile_succeeded", ago(7), "recommendations", { fluxObject: "Kustomization/flux-system/recs" });
  await addAlert("RecsErrors", "recommendations", { severity: "critical", status: "resolved", startsAt: ago(9) });
  await addChange("recs v2 failed", "deploy_failed", ago(30), "recommendations");
  // Action items of the open incident: overdue, due tomorrow, due next week (not in the digest), done.
  for (const [title, due, status] of [
    ["Overdue fix", day(-2), "open"],
    ["Tomorrow fix", day(1), "in_progress"],
    ["Next week fix", day(7), "open"],
    ["Done fix", day(-1), "done"],
  ] as const) {
    await database.db.insert(actionItem).values({ id: title, organizationId: org.id, incidentId: open, title, status, dueDate: due });
  }
});

afterAll(async () => {
  await database?.destroy();
});

describe("service health board", () => {
  it("colours every service, grouped by team, with its reasons and links", async () => {
    const board = await getServiceHealth(org.as.viewer, {}, NOW);
    expect(board.teams.map((t) => [t.team, t.services.map((s) => `${s.service}:${s.state}`)])).toEqual([
      ["checkout", ["cart:green", "checkout-api:red", "web:red"]],
      ["discovery", ["catalog:amber", "recommendations:green", "search:amber"]],
      [null, ["legacy:green"]],
    ]);
    const service = (slug: string) => board.teams.flatMap((t) => t.services).find((s) => s.service === slug)!;
    expect(service("checkout-api").reasons).toEqual([{ kind: "incident", state: "red", text: "INC-501 open (SEV1): Checkout errors", href: "/incidents/INC-501" }]);
    expect(service("web").reasons).toEqual([{ kind: "rollout", state: "red", text: "Rollout unhealthy: Deployment/web unhealthy", href: "/changes?service=web&kind=health_degraded" }]);
    expect(service("search").reasons.map((r) => [r.kind, r.state, r.text])).toEqual([
      ["alert", "amber", "1 alert firing: SearchLatencyHigh"],
      ["deploy", "amber", "1 deploy failed recently: search v9 failed"],
    ]);
    expect(service("catalog").reasons.map((r) => r.text)).toEqual(["Reconciliation failing: Kustomization/flux-system/catalog failed: HealthCheckFailed"]);
  });

  it("answers one team through the API, and 404 for a team of another organisation", async () => {
    const answer = await callRoute<ServiceHealthBoardView>(healthRoute.GET, { path: "/api/v1/service-health?team=discovery", key: org.keys.viewer });
    expect(answer.status).toBe(200);
    expect(answer.body.teams.map((t) => t.services.map((s) => s.service))).toEqual([["catalog", "recommendations", "search"]]);
    expect((await callRoute(healthRoute.GET, { path: "/api/v1/service-health?team=discovery", key: other.keys.viewer })).status).toBe(404);
  });
});

describe("since-yesterday digest", () => {
  it("for a team: its incidents, alerts, releases, failures, action items due and health", async () => {
    const digest = await getDigest(org.as.viewer, { team: "checkout" }, NOW);
    expect(digest.scope).toEqual({ team: "checkout", service: null });
    expect(digest.incidents.opened.map((i) => i.title)).toEqual(["Checkout errors"]);
    expect(digest.incidents.resolved.map((i) => [i.title, i.services])).toEqual([["Cart slow", ["cart"]]]);
    expect(digest.alerts).toEqual([]);
    expect(digest.changes.released.map((c) => c.title)).toEqual(["web v3 deployed"]);
    expect(digest.changes.failed).toEqual([]);
    expect(digest.actionItemsDue.map((a) => [a.title, a.overdue])).toEqual([
      ["Overdue fix", true],
      ["Tomorrow fix", false],
    ]);
    expect(digest.health.map((h) => `${h.service}:${h.state}`)).toEqual(["cart:green", "checkout-api:red", "web:red"]);
  });

  it("for a service and for the organisation; since is honoured", async () => {
    const search = await getDigest(org.as.viewer, { service: "search" }, NOW);
    expect(search.alerts.map((a) => [a.name, a.status, a.service])).toEqual([["SearchLatencyHigh", "firing", "search"]]);
    expect(search.changes.failed.map((c) => c.title)).toEqual(["search v9 failed"]);
    expect(search.incidents.opened).toEqual([]);
    const everything = await getDigest(org.as.viewer, {}, NOW);
    expect(everything.changes.failed.map((c) => c.title)).toEqual(["Kustomization/flux-system/catalog failed: HealthCheckFailed", "search v9 failed", "Kustomization/flux-system/recs failed"]);
    expect(everything.alerts.map((a) => a.name)).toEqual(["SearchLatencyHigh", "RecsErrors"]);
    const sinceThreeDays = await getDigest(org.as.viewer, { since: ago(73).toISOString() }, NOW);
    expect(sinceThreeDays.incidents.resolved.map((i) => i.title)).toEqual(["Cart slow", "Old outage"]);
    expect(sinceThreeDays.changes.failed.map((c) => c.title)).toContain("recs v2 failed");
  });

  it("renders to a plain message a Slack job can post", async () => {
    const message = renderDigestMessage(await getDigest(org.as.viewer, { team: "checkout" }, NOW));
    expect(message.title).toBe("Since yesterday for checkout");
    expect(message.summary).toBe("1 incident opened, 1 resolved; 0 alerts fired; 1 released, 0 failed to release; 2 action items due. 2 red, 0 amber.");
    expect(message.sections.map((s) => s.heading)).toEqual(["Service health", "Incidents opened", "Incidents resolved", "Released", "Action items due"]);
  });

  it("GET /api/v1/digest: 422 naming since, 404 for another organisation's team", async () => {
    const ok = await callRoute<DigestView>(digestRoute.GET, { path: "/api/v1/digest?team=checkout", key: org.keys.viewer });
    expect(ok.status).toBe(200);
    expect(ok.body.incidents.opened.map((i) => i.ref)).toEqual(["INC-501"]);
    const future = await callRoute(digestRoute.GET, { path: `/api/v1/digest?since=${new Date(Date.now() + 86_400_000).toISOString()}`, key: org.keys.viewer });
    expect(future.status).toBe(422);
    expect(future.error?.details?.map((d) => d.field)).toContain("since");
    expect((await callRoute(digestRoute.GET, { path: "/api/v1/digest?team=checkout", key: other.keys.viewer })).status).toBe(404);
  });
});

describe("Grafana links", () => {
  it("are kept on the alert as the sender gave them", async () => {
    const grafana = await createIntegration(org.as.admin, { kind: "grafana", name: "Grafana" });
    const payload = {
      receiver: "logbook",
      status: "firing",
      orgId: 1,
      alerts: [
        {
          status: "firing",
          labels: { alertname: "CartErrors", service: "cart" },
          annotations: { summary: "cart errors" },
          startsAt: ago(1).toISOString(),
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: "https://grafana.example/alerting/grafana/abc/view",
          fingerprint: "cart-errors",
          silenceURL: "https://grafana.example/alerting/silence/new?alertmanager=grafana",
          dashboardURL: "https://grafana.example/d/cart?orgId=1",
          panelURL: "https://grafana.example/d/cart?orgId=1&viewPanel=4",
        },
      ],
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: "https://grafana.example/",
      version: "1",
      groupKey: "{}",
      title: "[FIRING:1] CartErrors",
      state: "alerting",
      message: "cart errors",
    };
    expect((await postBearer(grafana, payload)).status).toBe(202);
    const alerts = await listAlerts(org.as.viewer, { service: "cart" });
    expect(alerts.items.map((a) => a.links)).toEqual([
      {
        silence: "https://grafana.example/alerting/silence/new?alertmanager=grafana",
        dashboard: "https://grafana.example/d/cart?orgId=1",
        panel: "https://grafana.example/d/cart?orgId=1&viewPanel=4",
      },
    ]);
  });
});
