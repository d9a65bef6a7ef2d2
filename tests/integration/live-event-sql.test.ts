import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { selectRows } from "@/db/raw-queries";
import { decodeLiveEvent, encodeLiveEvent, liveEventSql } from "@/lib/live/live-event";

// The hot paths build live payloads in SQL; subscribers must not be able to tell them from
// the ones publishLiveEvent encodes in Node.js.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe("live events built in SQL", () => {
  it("decode to the event encodeLiveEvent makes, from parameters and from columns", async () => {
    const [row] = await selectRows<{ alert: string; timeline: string }>(
      database.db,
      sql`select ${liveEventSql({ organizationId: "org-1", type: "alert", id: sql`x.id` })} as alert,
                 ${liveEventSql({ organizationId: "org-1", type: "timeline", id: sql`x.incident_id`, incidentId: sql`x.incident_id` })} as timeline
          from (select 'a-1'::text as id, 'i-1'::text as incident_id) x`,
    );
    expect(decodeLiveEvent(row!.alert)).toEqual(decodeLiveEvent(encodeLiveEvent({ organizationId: "org-1", type: "alert", id: "a-1" })));
    expect(decodeLiveEvent(row!.alert)).toEqual({ organizationId: "org-1", type: "alert", id: "a-1" });
    expect(decodeLiveEvent(row!.timeline)).toEqual({ organizationId: "org-1", type: "timeline", id: "i-1", incidentId: "i-1" });
  });
});
