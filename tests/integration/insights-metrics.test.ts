// Every insights figure checked against fixtures computed by hand (see the comments next to
// each incident): missing key times, an incident spanning two months, off-hours in two
// teams' time zones, a reopened incident (through the real verbs), deployments marked
// suspect, culprit and dismissed, action items closed on time and late, regulatory reports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { and, desc, eq } from "drizzle-orm";
import { actionItem, auditLog, changeEvent, incident, incidentChangeMark, incidentService, regulatoryReport, service, team } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as insightsRoute from "@/app/api/v1/insights/route";
import * as teamRoute from "@/app/api/v1/teams/[slug]/route";
import { createService } from "@/lib/services/catalog/create-service";
import { createTeam } from "@/lib/services/catalog/create-team";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { updateIncident } from "@/lib/services/incidents/update-incident";
import { getInsights } from "@/lib/services/insights/get-insights";
import type { InsightsView, KeyTimeGroupView } from "@/lib/services/insights/views";
import { callRoute } from "./route-request";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
const serviceIds: Record<string, string> = {};
const incidentIds: Record<string, string> = {};
const changeIds: Record<string, string> = {};

const RANGE = { from: "2026-01-01", to: "2026-04-01" };
const NOW = new Date("2026-03-25T12:00:00Z");
const t = (iso: string, minutes = 0) => new Date(new Date(iso).getTime() + minutes * 60_000);

async function addIncident(
  organizationId: string,
  name: string,
  number: number,
  fields: { severity: string; status: string; occurred: string; detected?: number; acknowledged?: number; mitigated?: number; resolved?: number },
  services: string[],
) {
  const occurredAt = new Date(fields.occurred);
  const at = (minutes: number | undefined) => (minutes === undefined ? null : t(fields.occurred, minutes));
  const id = `${organizationId}-${name}`;
  await database.db.insert(incident).values({
    id,
    organizationId,
    // Far above the organisation's counter, which the real declare in the reopen test uses.
    number: 1000 + number,
    title: name,
    severity: fields.severity,
    status: fields.status,
    occurredAt,
    detectedAt: at(fields.detected),
    acknowledgedAt: at(fields.acknowledged),
    mitigatedAt: at(fields.mitigated),
    resolvedAt: at(fields.resolved),
    createdAt: occurredAt,
  });
  for (const slug of services) await database.db.insert(incidentService).values({ incidentId: id, serviceId: serviceIds[slug]! });
  incidentIds[name] = id;
}

async function addChange(name: string, kind: string, occurred: string, slug: string | null) {
  const id = `change-${name}`;
  await database.db.insert(changeEvent).values({
    id,
    organizationId: org.id,
    kind,
    serviceId: slug ? serviceIds[slug]! : null,
    title: name,
    source: "generic",
    externalId: name,
    occurredAt: new Date(occurred),
  });
  changeIds[name] = id;
}

async function mark(change: string, incidentName: string, value: "suspect" | "culprit" | "dismissed") {
  await database.db.insert(incidentChangeMark).values({ incidentId: incidentIds[incidentName]!, changeId: changeIds[change]!, mark: value, markedBy: "test" });
}

async function addActionItem(name: string, incidentName: string, status: string, dueDate: string | null, completed: string | null) {
  await database.db.insert(actionItem).values({
    id: name,
    organizationId: org.id,
    incidentId: incidentIds[incidentName]!,
    title: name,
    status,
    dueDate,
    completedAt: completed ? new Date(completed) : null,
  });
}

async function addReport(name: string, incidentName: string, status: string, dueAt: string, submittedAt: string | null) {
  await database.db.insert(regulatoryReport).values({
    id: name,
    organizationId: org.id,
    incidentId: incidentIds[incidentName]!,
    regime: "dora",
    type: "initial",
    status,
    dueAt: new Date(dueAt),
    submittedAt: submittedAt ? new Date(submittedAt) : null,
    content: {},
    preparedBy: "compliance",
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "bank");
  other = await createTestOrganization(database.db, "other");
  // Payments works 08:00–16:00 in Oslo (CET, UTC+1 in winter); ledger 09:00–17:00 in New York (EST, UTC−5).
  await createTeam(org.as.admin, { slug: "payments", name: "Payments", timeZone: "Europe/Oslo", workingHours: { start: "08:00", end: "16:00" } });
  await createTeam(org.as.admin, { slug: "ledger-team", name: "Ledger", timeZone: "America/New_York" });
  for (const [slug, team] of [["payments-api", "payments"], ["ledger", "ledger-team"], ["orphan", undefined]] as const) {
    serviceIds[slug] = (await createService(org.as.admin, { slug, name: slug, ...(team ? { team } : {}) })).id;
  }
  const otherService = await createService(other.as.admin, { slug: "payments-api", name: "Other payments" });
  serviceIds["other-payments"] = otherService.id;

  // I1 Monday 08:30 in Oslo: working hours. detect 5 min, ack 10, mitigate 60, resolve 120.
  await addIncident(org.id, "I1", 1, { severity: "SEV1", status: "resolved", occurred: "2026-01-05T07:30:00Z", detected: 5, acknowledged: 10, mitigated: 60, resolved: 120 }, ["payments-api"]);
  // I2 Saturday: off-hours. Never acknowledged, still open: both missing, not zero.
  await addIncident(org.id, "I2", 2, { severity: "SEV2", status: "investigating", occurred: "2026-01-10T12:00:00Z", detected: 15, mitigated: 90 }, ["payments-api"]);
  // I3 Saturday 18:30 in New York, spanning January into February: counted in January, its start.
  await addIncident(org.id, "I3", 3, { severity: "SEV1", status: "resolved", occurred: "2026-01-31T23:30:00Z", detected: 10, acknowledged: 20, mitigated: 150, resolved: 180 }, ["ledger"]);
  // I4 Tuesday 09:00 in New York and 15:00 in Oslo: within both teams' hours.
  await addIncident(org.id, "I4", 4, { severity: "SEV3", status: "resolved", occurred: "2026-02-03T14:00:00Z", detected: 0, acknowledged: 30, mitigated: 40, resolved: 60 }, ["ledger", "payments-api"]);
  // I5 on a service no team owns: off-hours unknown. I6 on no service and without a detected time.
  await addIncident(org.id, "I5", 5, { severity: "SEV2", status: "investigating", occurred: "2026-03-15T03:00:00Z", detected: 30 }, ["orphan"]);
  await addIncident(org.id, "I6", 6, { severity: "SEV4", status: "triggered", occurred: "2026-03-20T10:00:00Z" }, []);
  // Outside the range, and another organisation's: in no figure.
  await addIncident(org.id, "I7", 7, { severity: "SEV1", status: "resolved", occurred: "2025-12-31T23:59:00Z", detected: 1, resolved: 2 }, ["payments-api"]);
  await addIncident(other.id, "X1", 1, { severity: "SEV1", status: "resolved", occurred: "2026-01-06T10:00:00Z", detected: 1, resolved: 2 }, ["other-payments"]);

  await addChange("C1", "deploy_succeeded", "2026-01-05T07:00:00Z", "payments-api"); // culprit of I1 (resolved 09:30): recovery 2.5 h
  await addChange("C2", "deploy_succeeded", "2026-01-09T12:00:00Z", "payments-api"); // suspect of I2 (open): recovery missing
  await addChange("C3", "deploy_failed", "2026-01-20T10:00:00Z", "payments-api"); // dismissed on I2: not a change failure
  await addChange("C4", "sync_succeeded", "2026-02-03T13:00:00Z", "ledger"); // suspect of I4 (resolved 15:00): recovery 2 h
  await addChange("C5", "deploy_succeeded", "2026-02-10T10:00:00Z", "ledger");
  await addChange("C6", "reconcile_succeeded", "2026-02-11T10:00:00Z", "ledger"); // not a deployment
  await addChange("C7", "pr_merged", "2026-02-12T10:00:00Z", "ledger"); // not a deployment
  await addChange("C8", "deploy_succeeded", "2026-03-01T10:00:00Z", null);
  await addChange("C9", "deploy_succeeded", "2025-12-30T10:00:00Z", "payments-api"); // before the range
  await mark("C1", "I1", "culprit");
  await mark("C2", "I2", "suspect");
  await mark("C3", "I2", "dismissed");
  await mark("C4", "I4", "suspect");

  await addActionItem("A1", "I1", "done", "2026-01-20", "2026-01-19T15:00:00Z"); // on time
  await addActionItem("A2", "I1", "done", "2026-01-20", "2026-01-25T09:00:00Z"); // late
  await addActionItem("A3", "I2", "open", "2026-03-01", null); // open, overdue
  await addActionItem("A4", "I4", "in_progress", "2026-04-30", null); // open; both teams, once in the total
  await addActionItem("A5", "I4", "wont_do", null, "2026-02-05T09:00:00Z"); // closed, no due date: on time
  await addActionItem("A6", "I5", "open", null, null); // open, no team

  await addReport("R1", "I1", "submitted", "2026-01-06T07:30:00Z", "2026-01-05T11:00:00Z"); // on time
  await addReport("R2", "I1", "submitted", "2026-01-06T07:30:00Z", "2026-01-08T09:00:00Z"); // late
  await addReport("R3", "I3", "draft", "2026-02-01T23:30:00Z", null); // unsubmitted past its deadline: late
});

afterAll(async () => {
  await database?.destroy();
});

const d = (median: number | null, p90: number | null, n: number) => ({ median, p90, n });

function group(view: InsightsView, key: string | null): KeyTimeGroupView {
  const found = view.groups.find((g) => g.key === key);
  if (!found) throw new Error(`no group ${key}: ${view.groups.map((g) => g.key).join(", ")}`);
  return found;
}

describe("response times and off-hours", () => {
  it("by month: medians and p90 (linear interpolation) over the incidents that have the key time", async () => {
    const view = await getInsights(org.as.viewer, { ...RANGE, groupBy: "month" }, NOW);
    expect(view.groups.map((g) => g.key)).toEqual(["2026-01", "2026-02", "2026-03"]);
    // January: I1, I2, I3. detect 300/900/600 s; ack 600/1200 (I2 missing); resolve 7200/10800 (I2 missing).
    expect(group(view, "2026-01")).toEqual({
      key: "2026-01",
      incidents: 3,
      mttd: d(600, 840, 3),
      mtta: d(900, 1140, 2),
      mttm: d(5400, 8280, 3),
      mttr: d(9000, 10440, 2),
      offHours: { count: 2, share: 2 / 3 },
    });
    expect(group(view, "2026-02")).toEqual({ key: "2026-02", incidents: 1, mttd: d(0, 0, 1), mtta: d(1800, 1800, 1), mttm: d(2400, 2400, 1), mttr: d(3600, 3600, 1), offHours: { count: 0, share: 0 } });
    // March: I5 (detected after 30 min) and I6 (no detected time: missing); no team owns either.
    expect(group(view, "2026-03")).toEqual({ key: "2026-03", incidents: 2, mttd: d(1800, 1800, 1), mtta: d(null, null, 0), mttm: d(null, null, 0), mttr: d(null, null, 0), offHours: { count: 0, share: null } });
  });

  it("by team (an incident counts for each owning team), severity and service", async () => {
    const byTeam = await getInsights(org.as.viewer, { ...RANGE, groupBy: "team" }, NOW);
    expect(byTeam.groups.map((g) => [g.key, g.incidents])).toEqual([["ledger-team", 2], ["payments", 3], [null, 2]]);
    expect(group(byTeam, "payments").mttd).toEqual(d(300, 780, 3)); // 0, 300, 900
    expect(group(byTeam, "payments").offHours).toEqual({ count: 1, share: 1 / 3 });
    expect(group(byTeam, "ledger-team").mttr).toEqual(d(7200, 10080, 2)); // 3600, 10800

    const bySeverity = await getInsights(org.as.viewer, { ...RANGE, groupBy: "severity" }, NOW);
    expect(bySeverity.groups.map((g) => [g.key, g.incidents])).toEqual([["SEV1", 2], ["SEV2", 2], ["SEV3", 1], ["SEV4", 1]]);
    expect(group(bySeverity, "SEV1").mttr).toEqual(d(9000, 10440, 2));

    const byService = await getInsights(org.as.viewer, { ...RANGE, groupBy: "service" }, NOW);
    expect(byService.groups.map((g) => [g.key, g.incidents])).toEqual([["ledger", 2], ["orphan", 1], ["payments-api", 3], [null, 1]]);
  });

  it("filters by severity and team, and trends count incidents per month", async () => {
    const sev1 = await getInsights(org.as.viewer, { ...RANGE, groupBy: "month", severity: "SEV1" }, NOW);
    expect(sev1.groups.map((g) => [g.key, g.incidents])).toEqual([["2026-01", 2]]);
    const payments = await getInsights(org.as.viewer, { ...RANGE, groupBy: "month", team: "payments" }, NOW);
    expect(payments.groups.map((g) => [g.key, g.incidents])).toEqual([["2026-01", 2], ["2026-02", 1]]);
    expect(payments.trends.bySeverity).toEqual([
      { month: "2026-01", key: "SEV1", incidents: 1 },
      { month: "2026-01", key: "SEV2", incidents: 1 },
      { month: "2026-02", key: "SEV3", incidents: 1 },
    ]);
    const all = await getInsights(org.as.viewer, RANGE, NOW);
    expect(all.trends.byService.filter((p) => p.month === "2026-02")).toEqual([
      { month: "2026-02", key: "ledger", incidents: 1 },
      { month: "2026-02", key: "payments-api", incidents: 1 },
    ]);
    expect(all.trends.byRootCause).toEqual([
      { month: "2026-01", key: null, incidents: 3 },
      { month: "2026-02", key: null, incidents: 1 },
      { month: "2026-03", key: null, incidents: 2 },
    ]);
  });

  it("a reopened incident has no resolution until it is resolved again, then counts from the last one", async () => {
    const occurredAt = new Date(Date.now() - 2 * 3_600_000);
    const declared = await declareIncident(org.as.responder, { title: "Reopened", severity: "SEV3", occurredAt: occurredAt.toISOString(), services: ["ledger"] });
    const range = { from: new Date(occurredAt.getTime() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString(), groupBy: "severity" };
    await updateIncident(org.as.responder, declared.id, { status: "resolved" });
    const resolvedOnce = group(await getInsights(org.as.viewer, range), "SEV3");
    expect(resolvedOnce.mttr.n).toBe(1);
    await updateIncident(org.as.responder, declared.id, { status: "investigating" });
    const reopened = group(await getInsights(org.as.viewer, range), "SEV3");
    expect(reopened.incidents).toBe(1);
    expect(reopened.mttr).toEqual(d(null, null, 0));
    await updateIncident(org.as.responder, declared.id, { status: "resolved" });
    const again = group(await getInsights(org.as.viewer, range), "SEV3");
    expect(again.mttr.n).toBe(1);
    expect(again.mttr.median!).toBeGreaterThanOrEqual(resolvedOnce.mttr.median!);
  });
});

describe("delivery health, action items, regulatory reports", () => {
  it("counts deployments, change failures (suspect or culprit) and recovery to resolution", async () => {
    const { changes } = await getInsights(org.as.viewer, RANGE, NOW);
    // C1, C2, C3, C4, C5, C8 are deployments; C1, C2, C4 were marked as causes; C1 recovered in 9000 s, C4 in 7200 s.
    expect({ ...changes, byService: undefined, byTeam: undefined, byMonth: undefined }).toEqual({
      key: null,
      deployments: 6,
      failedDeployments: 3,
      changeFailureRate: 0.5,
      perWeek: 0.5,
      recoveryTime: d(8100, 8820, 2),
      byService: undefined,
      byTeam: undefined,
      byMonth: undefined,
    });
    expect(changes.byService.map((s) => [s.key, s.deployments, s.failedDeployments, s.recoveryTime.median])).toEqual([
      ["ledger", 2, 1, 7200],
      ["payments-api", 3, 2, 9000],
      [null, 1, 0, null],
    ]);
    expect(changes.byTeam.map((s) => [s.key, s.deployments, s.failedDeployments])).toEqual([["ledger-team", 2, 1], ["payments", 3, 2], [null, 1, 0]]);
    expect(changes.byMonth.map((s) => [s.key, s.deployments, s.failedDeployments, s.changeFailureRate])).toEqual([["2026-01", 3, 2, 2 / 3], ["2026-02", 2, 1, 0.5], ["2026-03", 1, 0, 0]]);
    // Only SEV1 incidents asked about: C1 (I1) is the one change failure left.
    const sev1 = await getInsights(org.as.viewer, { ...RANGE, severity: "SEV1" }, NOW);
    expect([sev1.changes.deployments, sev1.changes.failedDeployments]).toEqual([6, 1]);
  });

  it("counts whole months from the database's monthly counts and part-months from the feed alike, and follows changes that move or go", async () => {
    // 9 January to 15 March: January and March in part (C2, C3; C8), February whole (C4, C5).
    const mixed = await getInsights(org.as.viewer, { from: "2026-01-09", to: "2026-03-15" }, NOW);
    expect(mixed.changes.byMonth.map((m) => [m.key, m.deployments])).toEqual([["2026-01", 2], ["2026-02", 2], ["2026-03", 1]]);
    expect(mixed.changes.byService.map((s) => [s.key, s.deployments])).toEqual([["ledger", 2], ["payments-api", 2], [null, 1]]);
    const byService = async () => (await getInsights(org.as.viewer, RANGE, NOW)).changes.byService.map((s) => [s.key, s.deployments, s.failedDeployments]);
    expect(await byService()).toEqual([["ledger", 2, 1], ["payments-api", 3, 2], [null, 1, 0]]);

    // C5 is attributed to payments-api after all, and back; C4 (a suspect of I4) too.
    const attribute = (change: string, slug: string) => database.db.update(changeEvent).set({ serviceId: serviceIds[slug]! }).where(eq(changeEvent.id, changeIds[change]!));
    await attribute("C5", "payments-api");
    expect(await byService()).toEqual([["ledger", 1, 1], ["payments-api", 4, 2], [null, 1, 0]]);
    await attribute("C4", "payments-api");
    expect(await byService()).toEqual([["payments-api", 5, 3], [null, 1, 0]]);
    await attribute("C4", "ledger");
    await attribute("C5", "ledger");
    expect(await byService()).toEqual([["ledger", 2, 1], ["payments-api", 3, 2], [null, 1, 0]]);
    // A February deployment arrives, is marked a culprit, and is deleted again (with its mark).
    await addChange("C10", "deploy_succeeded", "2026-02-20T10:00:00Z", "ledger");
    await mark("C10", "I4", "culprit");
    expect(await byService()).toEqual([["ledger", 3, 2], ["payments-api", 3, 2], [null, 1, 0]]);
    await database.db.delete(changeEvent).where(eq(changeEvent.id, changeIds.C10!));
    expect(await byService()).toEqual([["ledger", 2, 1], ["payments-api", 3, 2], [null, 1, 0]]);
  });

  it("action items open, overdue, closed on time and late, per team and once in the total", async () => {
    const { actionItems } = await getInsights(org.as.viewer, RANGE, NOW);
    expect({ ...actionItems, byTeam: undefined }).toEqual({ open: 3, overdue: 1, closedOnTime: 2, closedLate: 1, byTeam: undefined });
    expect(actionItems.byTeam).toEqual([
      { key: "ledger-team", open: 1, overdue: 0, closedOnTime: 1, closedLate: 0 },
      { key: "payments", open: 2, overdue: 1, closedOnTime: 2, closedLate: 1 },
      { key: null, open: 1, overdue: 0, closedOnTime: 0, closedLate: 0 },
    ]);
  });

  it("regulatory reports on time and late (late includes unsubmitted past the deadline)", async () => {
    expect((await getInsights(org.as.viewer, RANGE, NOW)).regulatory).toEqual({ reports: 3, onTime: 1, late: 2 });
  });
});

describe("grouping by owning team", () => {
  it("counts an incident once per owning team, however many of its services the team owns, also within a team's scope", async () => {
    const owners = await createTestOrganization(database.db, "owners");
    await createTeam(owners.as.admin, { slug: "cards", name: "Cards" });
    await createTeam(owners.as.admin, { slug: "risk", name: "Risk" });
    for (const [slug, team] of [["cards-api", "cards"], ["cards-web", "cards"], ["risk-engine", "risk"]] as const) {
      serviceIds[slug] = (await createService(owners.as.admin, { slug, name: slug, team })).id;
    }
    // O1 on both of Cards' services and on Risk's: once for each team. O2 on Risk's only.
    await addIncident(owners.id, "O1", 1, { severity: "SEV2", status: "resolved", occurred: "2026-01-07T10:00:00Z", detected: 10 }, ["cards-api", "cards-web", "risk-engine"]);
    await addIncident(owners.id, "O2", 2, { severity: "SEV3", status: "resolved", occurred: "2026-01-08T10:00:00Z", detected: 20 }, ["risk-engine"]);

    const byTeam = await getInsights(owners.as.viewer, { ...RANGE, groupBy: "team" }, NOW);
    expect(byTeam.groups.map((g) => [g.key, g.incidents, g.mttd.median])).toEqual([["cards", 1, 600], ["risk", 2, 900]]);
    // Cards' incidents (O1), grouped by every team owning them.
    const cards = await getInsights(owners.as.viewer, { ...RANGE, groupBy: "team", team: "cards" }, NOW);
    expect(cards.groups.map((g) => [g.key, g.incidents])).toEqual([["cards", 1], ["risk", 1]]);
  });
});

describe("an incident's off-hours start, kept by the database", () => {
  it("follows its start, its services, a service's team and the team's hours, whichever way they change", async () => {
    const shifts = await createTestOrganization(database.db, "shifts");
    const ops = await createTeam(shifts.as.admin, { slug: "ops", name: "Ops", timeZone: "UTC", workingHours: { start: "09:00", end: "17:00" } });
    const api = await createService(shifts.as.admin, { slug: "api", name: "API", team: "ops" });
    const batch = await createService(shifts.as.admin, { slug: "batch", name: "Batch" });
    // Saturday 10:00 UTC, on the API: off-hours.
    await addIncident(shifts.id, "S1", 1, { severity: "SEV2", status: "investigating", occurred: "2026-01-10T10:00:00Z" }, []);
    const id = incidentIds.S1!;
    const offHours = async () => (await database.db.select({ value: incident.startedOffHours }).from(incident).where(eq(incident.id, id)))[0]!.value;
    expect(await offHours(), "no services yet: unknown").toBeNull();
    await database.db.insert(incidentService).values({ incidentId: id, serviceId: api.id });
    expect(await offHours()).toBe(true);

    // Its start moves to Monday 10:00 UTC: within the hours.
    await database.db.update(incident).set({ occurredAt: new Date("2026-01-12T10:00:00Z") }).where(eq(incident.id, id));
    expect(await offHours()).toBe(false);
    // The team now starts at noon.
    await database.db.update(team).set({ workdayStartMinute: 12 * 60 }).where(eq(team.id, ops.id));
    expect(await offHours()).toBe(true);
    // The service leaves the team, and comes back.
    await database.db.update(service).set({ teamId: null }).where(eq(service.id, api.id));
    expect(await offHours()).toBeNull();
    await database.db.update(service).set({ teamId: ops.id }).where(eq(service.id, api.id));
    expect(await offHours()).toBe(true);
    // A service no team owns changes nothing; removing the owned one leaves it unknown.
    await database.db.insert(incidentService).values({ incidentId: id, serviceId: batch.id });
    expect(await offHours()).toBe(true);
    await database.db.delete(incidentService).where(and(eq(incidentService.incidentId, id), eq(incidentService.serviceId, api.id)));
    expect(await offHours()).toBeNull();
    await database.db.insert(incidentService).values({ incidentId: id, serviceId: api.id });
    expect(await offHours()).toBe(true);
    const byTeam = await getInsights(shifts.as.viewer, { ...RANGE, groupBy: "team" }, NOW);
    expect(group(byTeam, "ops").offHours).toEqual({ count: 1, share: 1 });
    // Deleting the team orphans its service (set null): unknown again.
    await database.db.delete(team).where(eq(team.id, ops.id));
    expect(await offHours()).toBeNull();
  });
});

describe("GET /api/v1/insights", () => {
  it("answers the view, 422 naming a bad field, 404 for a team of no organisation of the caller's", async () => {
    const ok = await callRoute(insightsRoute.GET, { path: `/api/v1/insights?from=${RANGE.from}&to=${RANGE.to}&groupBy=severity`, key: org.keys.viewer });
    expect(ok.status).toBe(200);
    expect((ok.body as InsightsView).groups.map((g) => g.key)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    const bad = await callRoute(insightsRoute.GET, { path: "/api/v1/insights?groupBy=week", key: org.keys.viewer });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("groupBy");
    const backwards = await callRoute(insightsRoute.GET, { path: "/api/v1/insights?from=2026-03-01&to=2026-01-01", key: org.keys.viewer });
    expect(backwards.status).toBe(422);
    expect(JSON.stringify(backwards.body)).toContain("from");
    const elsewhere = await callRoute(insightsRoute.GET, { path: "/api/v1/insights?team=payments", key: other.keys.viewer });
    expect(elsewhere.status).toBe(404);
    const theirs = await callRoute(insightsRoute.GET, { path: `/api/v1/insights?from=${RANGE.from}&to=${RANGE.to}`, key: other.keys.viewer });
    expect((theirs.body as InsightsView).groups.map((g) => [g.key, g.incidents])).toEqual([["2026-01", 1]]);
  });
});

describe("PATCH /api/v1/teams/{slug}", () => {
  it("edits a team's time zone and working hours, and the off-hours share follows them", async () => {
    const patch = (key: string, slug: string, json: unknown) => callRoute(teamRoute.PATCH, { method: "PATCH", path: `/api/v1/teams/${slug}`, key, json, params: { slug } });
    const payments = async () => group(await getInsights(org.as.viewer, { ...RANGE, groupBy: "team" }, NOW), "payments").offHours;
    expect(await payments()).toEqual({ count: 1, share: 1 / 3 });

    // 07:00–13:00 UTC on Monday, Tuesday and Saturday: I2 (Saturday 12:00 UTC) is now within
    // hours; I1 (Monday 07:30) still is; I4 (Tuesday 14:00) is outside them, but within ledger's.
    const edited = await patch(org.keys.editor, "payments", { timeZone: "UTC", workingHours: { start: "07:00", end: "13:00", days: [6, 1, 1, 2] } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ slug: "payments", name: "Payments", timeZone: "UTC", workingHours: { start: "07:00", end: "13:00", days: [1, 2, 6] } });
    expect(await payments()).toEqual({ count: 0, share: 0 });

    const badZone = await patch(org.keys.editor, "payments", { timeZone: "Mars/Olympus" });
    expect(badZone.status).toBe(422);
    expect(badZone.error?.details?.map((d) => d.field)).toContain("timeZone");
    const backwards = await patch(org.keys.editor, "payments", { workingHours: { start: "17:00", end: "09:00" } });
    expect(backwards.status).toBe(422);
    expect((await patch(org.keys.viewer, "payments", { timeZone: "UTC" })).status).toBe(403);
    expect((await patch(other.keys.admin, "payments", { timeZone: "UTC" })).status).toBe(404);

    const restored = await patch(org.keys.editor, "payments", { timeZone: "Europe/Oslo", workingHours: { start: "08:00", end: "16:00", days: [1, 2, 3, 4, 5] } });
    expect(restored.body).toMatchObject({ timeZone: "Europe/Oslo", workingHours: { start: "08:00", end: "16:00", days: [1, 2, 3, 4, 5] } });
    expect(await payments()).toEqual({ count: 1, share: 1 / 3 });
    const [audited] = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "team.updated"))).orderBy(desc(auditLog.seq)).limit(1);
    expect(audited).toMatchObject({ targetType: "team", before: { timeZone: "UTC" }, after: { timeZone: "Europe/Oslo" } });
  });
});
