import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { decodeLiveEvent, encodeLiveEvent, liveEventSql, type LiveEvent } from "@/lib/live/live-event";

const dialect = new PgDialect();

describe("live event contract", () => {
  it("decodes what it encodes, with and without an incident", () => {
    const events: LiveEvent[] = [
      { organizationId: "org-1", type: "delivery", id: "d-1" },
      { organizationId: "org-1", type: "timeline", id: "i-1", incidentId: "i-1" },
      { organizationId: "org-2", type: "alert", id: "a-1", incidentId: "i-2" },
    ];
    for (const event of events) expect(decodeLiveEvent(encodeLiveEvent(event))).toEqual(event);
  });

  it("encodes the fields in one order and leaves out an absent incident", () => {
    expect(encodeLiveEvent({ id: "d-1", type: "delivery", organizationId: "org-1" })).toBe('{"organizationId":"org-1","type":"delivery","id":"d-1"}');
    expect(encodeLiveEvent({ organizationId: "org-1", type: "timeline", id: "i-1", incidentId: undefined })).toBe('{"organizationId":"org-1","type":"timeline","id":"i-1"}');
    expect(encodeLiveEvent({ organizationId: "org-1", type: "alert", id: "a-1", incidentId: "i-1" })).toBe(
      '{"organizationId":"org-1","type":"alert","id":"a-1","incidentId":"i-1"}',
    );
  });

  it("decodes a payload of the wrong shape to null", () => {
    for (const payload of [
      "not json",
      "",
      "null",
      "[]",
      '"delivery"',
      '{"type":"delivery","id":"d-1"}',
      '{"organizationId":"org-1","type":"delivery"}',
      '{"organizationId":"org-1","type":"invoice","id":"x-1"}',
      '{"organizationId":"org-1","type":"delivery","id":42}',
      '{"organizationId":"org-1","type":"timeline","id":"i-1","incidentId":null}',
    ]) {
      expect(decodeLiveEvent(payload), payload).toBeNull();
    }
  });

  it("keeps only the contract's fields of a payload that has more", () => {
    expect(decodeLiveEvent('{"organizationId":"org-1","type":"change","id":"c-1","secret":"x"}')).toEqual({ organizationId: "org-1", type: "change", id: "c-1" });
  });

  it("builds the same payload in SQL, values as text parameters and columns as given", () => {
    const alertQuery = dialect.sqlToQuery(liveEventSql({ organizationId: "org-1", type: "alert", id: sql`u.id` }));
    expect(alertQuery.sql).toBe("json_build_object('organizationId', $1::text, 'type', 'alert', 'id', u.id)::text");
    expect(alertQuery.params).toEqual(["org-1"]);
    const timelineQuery = dialect.sqlToQuery(liveEventSql({ organizationId: "org-1", type: "timeline", id: sql`n.incident_id`, incidentId: sql`n.incident_id` }));
    expect(timelineQuery.sql).toBe("json_build_object('organizationId', $1::text, 'type', 'timeline', 'id', n.incident_id, 'incidentId', n.incident_id)::text");
  });

  it("refuses a type outside the contract rather than writing it into SQL", () => {
    expect(() => liveEventSql({ organizationId: "org-1", type: "alert'); drop table alert; --" as "alert", id: sql`u.id` })).toThrow();
  });
});
