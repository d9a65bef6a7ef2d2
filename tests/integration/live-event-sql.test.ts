import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { selectRows } from "@/db/raw-queries";
import { decodeLiveEvent, encodeLiveEvent, LIVE_CHANNEL, liveEventSql, type LiveEvent } from "@/lib/live/live-event";
import { subscribeToLiveEvents } from "@/lib/live/live-hub";
import { publishLiveEvent } from "@/lib/live/publish-live-event";

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

  it("reach a subscriber of their organisation, from publishLiveEvent and from SQL; a malformed payload does not", async () => {
    const received: LiveEvent[] = [];
    const others: LiveEvent[] = [];
    const unsubscribe = await subscribeToLiveEvents("org-live", (event) => received.push(event));
    const unsubscribeOther = await subscribeToLiveEvents("org-other", (event) => others.push(event));
    try {
      await publishLiveEvent(database.db, { organizationId: "org-live", type: "timeline", id: "i-1", incidentId: "i-1" });
      await database.db.execute(sql`select pg_notify(${LIVE_CHANNEL}, '{"organizationId":"org-live","type":"nonsense","id":"x"}')`);
      await database.db.execute(sql`select pg_notify(${LIVE_CHANNEL}, 'not json')`);
      await database.db.execute(
        sql`select pg_notify(${LIVE_CHANNEL}, ${liveEventSql({ organizationId: "org-live", type: "alert", id: sql`x.id` })}) from (select 'a-1'::text as id) x`,
      );
      await expect.poll(() => received.length).toBe(2);
      expect(received).toEqual([
        { organizationId: "org-live", type: "timeline", id: "i-1", incidentId: "i-1" },
        { organizationId: "org-live", type: "alert", id: "a-1" },
      ]);
      expect(others).toEqual([]);
    } finally {
      unsubscribe();
      unsubscribeOther();
    }
  });
});
