import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { appendTimelineEvent } from "@/lib/services/incidents/append-timeline-event";
import { listTimeline } from "@/lib/services/incidents/list-timeline";
import type { TimelineEventView } from "@/lib/services/incidents/views";

let database: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "paging");
});
afterAll(() => database.destroy());

async function allPages(ref: string, input: Record<string, string>): Promise<{ pages: number; items: TimelineEventView[] }> {
  const items: TimelineEventView[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listTimeline(org.as.viewer, ref, { ...input, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 50);
  return { pages, items };
}

describe("timeline keyset paging", () => {
  it("walks events stamped with the same instant, and inserted out of time order, without duplicates or gaps", async () => {
    const incident = await declareIncident(org.as.responder, { title: "Paging probe", severity: "SEV3" });
    const base = Date.parse("2030-01-01T10:00:00.000Z");
    // Offsets in seconds, in insertion order: ties of three and two, and late arrivals
    // that belong before events inserted earlier.
    const offsets = [5, 5, 5, 1, 9, 3, 3, 7, 2, 8, 8, 6, 4, 0.001];
    for (const [i, offset] of offsets.entries()) {
      await appendTimelineEvent(database.db, {
        organizationId: org.id,
        incidentId: incident.id,
        kind: i % 4 === 0 ? "status_change" : "note",
        actor: org.as.responder.actor,
        title: `event ${i}`,
        occurredAt: new Date(base + offset * 1000),
      });
    }
    const whole = await listTimeline(org.as.viewer, incident.ref, { limit: 500 });
    expect(whole.nextCursor).toBeNull();
    // The declared event is stamped now (2030 is later), so it comes last.
    expect(whole.items).toHaveLength(offsets.length + 1);

    for (const limit of ["1", "2", "3", "4"]) {
      const walked = await allPages(incident.ref, { limit });
      expect(walked.items.map((e) => e.id), `limit ${limit}`).toEqual(whole.items.map((e) => e.id));
      expect(walked.pages).toBe(Math.ceil(whole.items.length / Number(limit)));
    }

    const times = whole.items.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Within one instant, insertion order: events 0, 1, 2 share +5 s.
    const tie = whole.items.filter((e) => e.occurredAt === new Date(base + 5000).toISOString()).map((e) => e.title);
    expect(tie).toEqual(["event 0", "event 1", "event 2"]);
  });

  it("keeps a kind filter across pages", async () => {
    const incident = await declareIncident(org.as.responder, { title: "Filtered paging probe", severity: "SEV4" });
    const at = new Date("2030-02-01T00:00:00.000Z");
    for (let i = 0; i < 7; i++) {
      await appendTimelineEvent(database.db, {
        organizationId: org.id,
        incidentId: incident.id,
        kind: i % 2 ? "note" : "status_change",
        actor: org.as.responder.actor,
        title: `filtered ${i}`,
        occurredAt: at,
      });
    }
    const walked = await allPages(incident.ref, { limit: "2", kind: "note" });
    expect(walked.items.map((e) => e.title)).toEqual(["filtered 1", "filtered 3", "filtered 5"]);
  });
});
