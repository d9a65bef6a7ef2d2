import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, count, eq } from "drizzle-orm";
import { auditLog, incident, organization, timelineEvent, user } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { DEMO_LOGIN, DEMO_ORG, seedDemo } from "@/db/seed/demo";
import { userActor } from "@/lib/core/actor";
import { OPEN_STATUSES } from "@/lib/core/incident-lifecycle";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { verifyOrganizationAuditChain } from "@/lib/services/audit/verify-organization-audit-chain";
import type { IncidentView } from "@/lib/services/incidents/views";
import { DEMO_POSTMORTEM_INCIDENT } from "@/db/seed/demo-postmortem";
import { DEMO_MAJOR_INCIDENT_TITLE } from "@/db/seed/demo-regulatory";
import { emptyRequiredSections } from "@/lib/documents/required-sections";
import { builtinTemplate } from "@/lib/documents/templates/builtin-templates";
import { listActionItems } from "@/lib/services/action-items/list-action-items";
import { listOrganizationActionItems } from "@/lib/services/action-items/list-organization-action-items";
import { getPostmortem } from "@/lib/services/postmortems/get-postmortem";
import { listPostmortems } from "@/lib/services/postmortems/list-postmortems";
import { getReportingEntity } from "@/lib/services/regulatory/get-reporting-entity";
import { listClocks } from "@/lib/services/regulatory/list-clocks";
import { listReports } from "@/lib/services/regulatory/list-reports";

let database: TestDatabase;
let ctx: ServiceContext;
let incidents: IncidentView[];
const seededAt = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  const started = performance.now();
  const result = await seedDemo(database.db);
  // Printed, not asserted: tests never assert timings (DESIGN.md §6).
  console.info(`seedDemo on ${database.engine}: ${Math.round(performance.now() - started)} ms`);
  expect(result.created).toBe(true);
  const [org] = await database.db.select().from(organization).where(eq(organization.slug, DEMO_ORG.slug));
  const [admin] = await database.db.select().from(user).where(eq(user.email, DEMO_LOGIN.email));
  ctx = createServiceContext({ db: database.db, actor: userActor(admin!), organizationId: org!.id, role: "admin" });
  incidents = (await listIncidents(ctx, { limit: 500 })).items;
});
afterAll(() => database.destroy());

async function timelineInInsertionOrder(incidentId: string) {
  return database.db.select().from(timelineEvent).where(eq(timelineEvent.incidentId, incidentId)).orderBy(asc(timelineEvent.seq));
}

async function tableCounts() {
  const [incidents] = await database.db.select({ n: count() }).from(incident).where(eq(incident.organizationId, ctx.organizationId));
  const [events] = await database.db.select({ n: count() }).from(timelineEvent).where(eq(timelineEvent.organizationId, ctx.organizationId));
  const [audit] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, ctx.organizationId));
  return { incidents: incidents!.n, events: events!.n, audit: audit!.n };
}

describe("demo seed", () => {
  it("creates at least ten incidents numbered from INC-1, across every severity, some still open", () => {
    expect(incidents.length).toBeGreaterThanOrEqual(10);
    const numbers = incidents.map((i) => Number(i.ref.slice(4))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    expect(new Set(incidents.map((i) => i.severity))).toEqual(new Set(["SEV1", "SEV2", "SEV3", "SEV4"]));
    const open = incidents.filter((i) => OPEN_STATUSES.includes(i.status));
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.length).toBeLessThanOrEqual(3);
    // One is live: declared within the last hour and still being investigated.
    expect(incidents.some((i) => i.status === "investigating" && seededAt.getTime() - Date.parse(i.createdAt) < 60 * 60_000)).toBe(true);
    expect(incidents.filter((i) => i.status === "resolved" || i.status === "closed").length).toBeGreaterThanOrEqual(7);
  });

  it("gives every incident a summary, services and a commander drawn from the demo people", () => {
    for (const view of incidents) {
      expect(view.summary.length, view.ref).toBeGreaterThan(40);
      expect(view.services.length, view.ref).toBeGreaterThan(0);
      expect(view.roles.commander?.email, view.ref).toMatch(/@demo-bank\.example$/);
    }
    expect(incidents.filter((i) => i.roles.communications && i.roles.scribe).length).toBeGreaterThanOrEqual(8);
  });

  it("stamps lifecycle timestamps in order, all in the past, matching the status", () => {
    for (const view of incidents) {
      const stamps = [view.occurredAt, view.detectedAt, view.acknowledgedAt, view.mitigatedAt, view.resolvedAt, view.closedAt]
        .filter((s): s is string => s !== null)
        .map((s) => Date.parse(s));
      expect(stamps.length, view.ref).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < stamps.length; i++) expect(stamps[i]!, `${view.ref} stamp ${i}`).toBeGreaterThan(stamps[i - 1]!);
      expect(stamps.at(-1)!, view.ref).toBeLessThanOrEqual(Date.now());
      const open = OPEN_STATUSES.includes(view.status);
      expect(view.resolvedAt === null, view.ref).toBe(open);
      expect(view.closedAt !== null, view.ref).toBe(view.status === "closed");
      if (view.status === "monitoring") expect(view.mitigatedAt, view.ref).not.toBeNull();
    }
  });

  it("writes 8–20 timeline events per incident in chronological order that replay to the incident's state", async () => {
    for (const view of incidents) {
      const events = await timelineInInsertionOrder(view.id);
      expect(events.length, view.ref).toBeGreaterThanOrEqual(8);
      expect(events.length, view.ref).toBeLessThanOrEqual(20);
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.occurredAt.getTime(), `${view.ref} event ${i}`).toBeGreaterThanOrEqual(events[i - 1]!.occurredAt.getTime());
      }
      expect(events[0]!.kind).toBe("declared");
      expect(events[0]!.title).toContain(`declared ${view.ref} as`);
      expect(events[0]!.occurredAt.toISOString()).toBe(view.createdAt);
      // The major incident was classified and given its root cause after its timeline (compliance work changes the row).
      if (view.title === DEMO_MAJOR_INCIDENT_TITLE) expect(new Date(view.updatedAt).getTime()).toBeGreaterThanOrEqual(events.at(-1)!.occurredAt.getTime());
      else expect(events.at(-1)!.occurredAt.toISOString()).toBe(view.updatedAt);
      expect(events.at(-1)!.occurredAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(events.some((e) => e.kind === "note" && e.source === "user" && e.actorType === "user"), view.ref).toBe(true);
      expect(events.some((e) => e.highlighted && e.kind === "note"), view.ref).toBe(true);

      const statusChanges = events.filter((e) => e.kind === "status_change");
      const finalStatus = statusChanges.at(-1)?.payload?.to ?? events[0]!.payload?.status;
      expect(finalStatus, view.ref).toBe(view.status);
      for (let i = 1; i < statusChanges.length; i++) expect(statusChanges[i]!.payload?.from).toBe(statusChanges[i - 1]!.payload?.to);
      const resolvedAt = statusChanges.filter((e) => e.payload?.to === "resolved").at(-1)?.occurredAt.toISOString() ?? null;
      expect(resolvedAt, view.ref).toBe(view.resolvedAt);

      const severityChanges = events.filter((e) => e.kind === "severity_change");
      expect(severityChanges.at(-1)?.payload?.to ?? events[0]!.payload?.severity, view.ref).toBe(view.severity);
      const lastCommander = events.filter((e) => e.kind === "role_change" && e.payload?.role === "commander").at(-1);
      expect(lastCommander?.payload?.userId, view.ref).toBe(view.roles.commander?.id);
    }
  });

  it("leaves the organisation's audit chain valid, with one import row per incident", async () => {
    const verdict = await verifyOrganizationAuditChain(database.db, ctx.organizationId);
    expect(verdict.ok).toBe(true);
    const imported = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, ctx.organizationId), eq(auditLog.action, "incident.imported")));
    expect(imported.map((row) => row.targetId).sort()).toEqual(incidents.map((i) => i.id).sort());
    const inc1 = imported.find((row) => (row.after as IncidentView).ref === "INC-1");
    expect((inc1?.after as IncidentView).status).toBe((await getIncident(ctx, "INC-1")).status);
  });

  it("publishes one postmortem through the review workflow, with action items open and done", async () => {
    const published = await listPostmortems(ctx, { status: "published" });
    expect(published.items).toHaveLength(1);
    const listed = published.items[0]!;
    const target = incidents.find((i) => i.title === DEMO_POSTMORTEM_INCIDENT)!;
    expect(listed.incidentId).toBe(target.id);
    expect(["resolved", "closed"]).toContain(target.status);

    const view = await getPostmortem(ctx, listed.id);
    expect(view.status).toBe("published");
    expect(view.publishedRevisions).toHaveLength(1);
    // Every section the template requires holds the author's text, not its prompts.
    expect(emptyRequiredSections(view.content, builtinTemplate("standard"))).toEqual([]);
    expect(view.text).toContain("ExternalSecret");
    // Four eyes: two distinct approvers, neither of them an author.
    const approvers = view.approvals.map((a) => a.id);
    expect(new Set(approvers).size).toBe(2);
    for (const approver of approvers) expect(view.authors.map((a) => a.id)).not.toContain(approver);

    const steps = await database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, ctx.organizationId), eq(auditLog.targetId, listed.id)))
      .orderBy(asc(auditLog.seq));
    expect(steps.map((s) => s.action)).toEqual(["postmortem.created", "postmortem.submitted", "postmortem.approved", "postmortem.approved", "postmortem.published"]);

    const { items } = await listActionItems(ctx, target.ref);
    expect(items.map((i) => i.status).sort()).toEqual(["done", "open"]);
    for (const item of items) expect(item.owner).not.toBeNull();
    // The action-item page opens on overdue items: the open one is among them.
    const overdue = await listOrganizationActionItems(ctx, { overdue: "true" });
    expect(overdue.items.map((i) => i.id)).toEqual(items.filter((i) => i.status === "open").map((i) => i.id));
  });

  it("changes nothing when run a second time", async () => {
    const before = await tableCounts();
    expect(await seedDemo(database.db)).toEqual({ created: false });
    expect(await tableCounts()).toEqual(before);
  });

  it("lets a later declaration continue the reference sequence", async () => {
    const highest = Math.max(...incidents.map((i) => Number(i.ref.slice(4))));
    const declared = await declareIncident(ctx, { title: "Another one", severity: "SEV4", services: ["kafka"] });
    expect(declared.ref).toBe(`INC-${highest + 1}`);
    expect((await verifyOrganizationAuditChain(database.db, ctx.organizationId)).ok).toBe(true);
  });

  it("makes the demo bank a Danish reporting entity with one major incident: initial notification submitted, intermediate report drafted and due", async () => {
    expect(await getReportingEntity(ctx)).toMatchObject({ country: "DK", entityType: "credit_institution" });
    const reports = (await listReports(ctx, {})).items;
    expect(reports.map((r) => [r.type, r.status])).toEqual([
      ["intermediate", "draft"],
      ["initial", "submitted"],
    ]);
    expect(reports[1]).toMatchObject({ authorityReference: "FT-DORA-2026-0117", hash: expect.any(String) });
    const clocks = (await listClocks(ctx, {})).items;
    expect(clocks.map((c) => [c.report, c.status])).toEqual([
      ["initial", "met"],
      ["intermediate", "due"],
    ]);
    expect(clocks[0]!.late).toBe(false);
  });
});
