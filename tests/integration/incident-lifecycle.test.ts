import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { updateIncident } from "@/lib/services/incidents/update-incident";
import { addNote } from "@/lib/services/incidents/add-note";
import { editTimelineEvent } from "@/lib/services/incidents/edit-timeline-event";
import { listNoteRevisions } from "@/lib/services/incidents/list-note-revisions";
import { listTimeline } from "@/lib/services/incidents/list-timeline";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";
import { verifyAuditLog } from "@/lib/services/audit/verify-audit-log";
import { createTeam } from "@/lib/services/catalog/create-team";
import { createService } from "@/lib/services/catalog/create-service";
import { ServiceError } from "@/lib/services/errors";

let database: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "acme");
  await createTeam(org.as.admin, { slug: "payments", name: "Payments" });
  await createService(org.as.admin, { slug: "payments-api", name: "Payments API", team: "payments", tier: 1, supportsCriticalFunction: true });
  await createService(org.as.admin, { slug: "ledger", name: "Ledger" });
});
afterAll(() => database.destroy());

async function expectServiceError(promise: Promise<unknown>, status: number) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).status).toBe(status);
  return error as ServiceError;
}

describe("incident lifecycle", () => {
  it("declares with a per-organisation reference and walks the lifecycle, recording each step", async () => {
    const ctx = org.as.responder;
    const first = await declareIncident(ctx, { title: "Payment latency", severity: "SEV2", services: ["payments-api"] });
    const second = await declareIncident(ctx, { title: "Ledger lag", severity: "SEV3" });
    expect(first.ref).toMatch(/^INC-\d+$/);
    expect(Number(second.ref.slice(4))).toBe(Number(first.ref.slice(4)) + 1);
    expect(first.status).toBe("investigating");
    expect(first.services).toEqual(["payments-api"]);

    await addNote(ctx, first.ref, { body: "Rolled back **v2.3.1**" });
    await updateIncident(ctx, first.ref, { commander: org.users.responder.email, severity: "SEV1" });
    for (const status of ["identified", "monitoring", "resolved"] as const) await updateIncident(ctx, first.id, { status });
    const resolved = await getIncident(ctx, first.ref);
    expect(resolved.status).toBe("resolved");
    expect(resolved.severity).toBe("SEV1");
    expect(resolved.roles.commander?.email).toBe(org.users.responder.email);
    expect(resolved.mitigatedAt).not.toBeNull();
    expect(resolved.resolvedAt).not.toBeNull();

    const timeline = await listTimeline(ctx, first.ref, {});
    expect(timeline.items.map((e) => e.kind)).toEqual([
      "declared",
      "note",
      "severity_change",
      "role_change",
      "status_change",
      "status_change",
      "status_change",
    ]);
    const audit = await listAuditLog(org.as.compliance, { action: "incident." });
    expect(audit.items.filter((a) => a.target.id === first.id).length).toBeGreaterThanOrEqual(5);
    expect(await verifyAuditLog(org.as.compliance)).toMatchObject({ ok: true, firstBroken: null });
  });

  it("records the aware and classified times, on the timeline too, and clears them", async () => {
    const inc = await declareIncident(org.as.responder, {
      title: "Aware times",
      severity: "SEV2",
      occurredAt: "2026-03-02T09:40:00Z",
      detectedAt: "2026-03-02T09:50:00Z",
      awareAt: "2026-03-02T10:05:00Z",
    });
    expect(inc.awareAt).toBe("2026-03-02T10:05:00.000Z");
    const classified = await updateIncident(org.as.responder, inc.ref, { classifiedAt: "2026-03-02T11:30:00+01:00" });
    expect(classified.classifiedAt).toBe("2026-03-02T10:30:00.000Z");
    const cleared = await updateIncident(org.as.responder, inc.ref, { awareAt: null });
    expect(cleared.awareAt).toBeNull();
    const titles = (await listTimeline(org.as.viewer, inc.ref, { kind: "details_change" })).items.map((e) => e.title);
    expect(titles).toEqual(["Classified time set to 2026-03-02 10:30:00 UTC", "Aware time cleared"]);
  });

  it("refuses illegal transitions with 409 and changes nothing", async () => {
    const ctx = org.as.responder;
    const inc = await declareIncident(ctx, { title: "Flaky DNS", severity: "SEV3" });
    await updateIncident(ctx, inc.ref, { status: "resolved" });
    await updateIncident(ctx, inc.ref, { status: "closed" });
    await expectServiceError(updateIncident(ctx, inc.ref, { status: "investigating", title: "changed" }), 409);
    const after = await getIncident(ctx, inc.ref);
    expect(after.status).toBe("closed");
    expect(after.title).toBe("Flaky DNS");
  });

  it("enforces roles: viewers read, cannot write", async () => {
    const inc = await declareIncident(org.as.responder, { title: "Viewer check", severity: "SEV4" });
    await expectServiceError(addNote(org.as.viewer, inc.ref, { body: "hi" }), 403);
    await expectServiceError(listAuditLog(org.as.responder, {}), 403);
    expect((await getIncident(org.as.viewer, inc.ref)).title).toBe("Viewer check");
  });

  it("keeps earlier versions of an edited note", async () => {
    const inc = await declareIncident(org.as.responder, { title: "Note edits", severity: "SEV4" });
    const note = await addNote(org.as.responder, inc.ref, { body: "first words" });
    const edited = await editTimelineEvent(org.as.editor, inc.ref, note.id, { body: "second words", highlighted: true });
    expect(edited.version).toBe(2);
    expect(edited.highlighted).toBe(true);
    const revisions = await listNoteRevisions(org.as.viewer, inc.ref, note.id);
    expect(revisions).toEqual([expect.objectContaining({ version: 1, body: "first words" })]);
  });

  it("validates input naming each bad field, and writes nothing", async () => {
    const before = await listIncidents(org.as.viewer, { limit: "500" });
    const error = await expectServiceError(declareIncident(org.as.responder, { title: "", severity: "SEV9", services: ["nope"] }), 422);
    expect((error.details as Array<{ field: string }>).map((d) => d.field).sort()).toEqual(["severity", "title"]);
    await expectServiceError(declareIncident(org.as.responder, { title: "x", severity: "SEV1", services: ["nope"] }), 422);
    const after = await listIncidents(org.as.viewer, { limit: "500" });
    expect(after.items.length).toBe(before.items.length);
  });

  it("isolates organisations: another org's incident is not found", async () => {
    const other = await createTestOrganization(database.db, "other");
    const inc = await declareIncident(org.as.responder, { title: "Private", severity: "SEV3" });
    await expectServiceError(getIncident(other.as.admin, inc.id), 404);
    await expectServiceError(getIncident(other.as.admin, inc.ref), 404);
    await expectServiceError(addNote(other.as.admin, inc.id, { body: "sneaky" }), 404);
    expect((await listIncidents(other.as.admin, {})).items).toEqual([]);
  });
});
