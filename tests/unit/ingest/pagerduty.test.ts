import { describe, expect, it } from "vitest";
import { IngestParseError } from "@/lib/ingest/errors";
import { pagerdutyAdapter } from "@/lib/ingest/pagerduty";
import type { NormalizedPagerDutyEvent, ParsedDelivery } from "@/lib/ingest/types";
import { delivery, fixtureBytes, fixtureJson } from "./ingest-fixtures";

function parse(name: string): ParsedDelivery {
  return pagerdutyAdapter.parse(delivery(fixtureBytes("pagerduty", name)));
}

function only(parsed: ParsedDelivery): NormalizedPagerDutyEvent {
  expect(parsed.events).toHaveLength(1);
  const [event] = parsed.events;
  if (event?.type !== "pagerduty") throw new Error("expected a PagerDuty event");
  return event;
}

const INCIDENT = {
  incidentId: "Q2W8RT5ZK1LM0N",
  incidentNumber: 1207,
  title: "Payments API: card authorisations failing in eu-north-1",
  htmlUrl: "https://nordbank.pagerduty.com/incidents/Q2W8RT5ZK1LM0N",
  serviceName: "Payments API",
  urgency: "high",
};

describe("PagerDuty v3 webhooks", () => {
  it("incident.triggered: the incident with its service, and no agent when an integration raised it", () => {
    const parsed = parse("triggered");
    expect(parsed.eventType).toBe("incident.triggered");
    expect(parsed.dedupKey).toBe("01HQ7X2M4TRIGGER0000000001");
    const event = only(parsed);
    expect(event).toMatchObject({ type: "pagerduty", action: "triggered", status: "triggered", actor: null, note: null, ...INCIDENT });
    expect(event.occurredAt.toISOString()).toBe("2025-03-14T08:43:02.118Z");
    expect(event.hints).toEqual({ serviceName: "Payments API" });
  });

  it("incident.acknowledged: who acknowledged", () => {
    expect(only(parse("acknowledged"))).toMatchObject({ action: "acknowledged", status: "acknowledged", actor: "Ingrid Halvorsen", ...INCIDENT });
  });

  it("incident.annotated: the note's text, from the incident_note shape", () => {
    const event = only(parse("annotated"));
    expect(event).toMatchObject({
      action: "annotated",
      incidentId: "Q2W8RT5ZK1LM0N",
      incidentNumber: null,
      title: INCIDENT.title,
      htmlUrl: INCIDENT.htmlUrl,
      actor: "Ingrid Halvorsen",
      note: "Rolled card-auth back to 4.18.2; error rate falling.",
      status: null,
      serviceName: null,
    });
    expect(event.occurredAt.toISOString()).toBe("2025-03-14T08:52:13.337Z");
  });

  it("incident.reassigned and incident.escalated: the new assignees", () => {
    expect(only(parse("reassigned"))).toMatchObject({ action: "reassigned", actor: "Ingrid Halvorsen", note: "Assigned to Mikko Laine" });
    expect(only(parse("escalated"))).toMatchObject({ action: "escalated", actor: null, status: "triggered", note: "Assigned to Mikko Laine, Ingrid Halvorsen" });
  });

  it("incident.priority_updated: the new priority, or that it was cleared", () => {
    expect(only(parse("priority-updated"))).toMatchObject({ action: "priority_updated", note: "Priority set to P1" });
    const cleared = fixtureJson<{ event: { data: { priority: unknown } } }>("pagerduty", "priority-updated");
    cleared.event.data.priority = null;
    expect(only(pagerdutyAdapter.parse(delivery(cleared))).note).toBe("Priority cleared");
  });

  it("incident.delegated: the escalation policy it went to", () => {
    expect(only(parse("delegated"))).toMatchObject({ action: "delegated", note: "Delegated to escalation policy Database on-call" });
  });

  it("incident.resolved", () => {
    const event = only(parse("resolved"));
    expect(event).toMatchObject({ action: "resolved", status: "resolved", actor: "Mikko Laine", note: null });
    expect(event.occurredAt.toISOString()).toBe("2025-03-14T09:30:55.000Z");
  });

  it("reopened and unacknowledged are lifecycle events too", () => {
    for (const action of ["reopened", "unacknowledged"]) {
      const body = fixtureJson<{ event: { event_type: string } }>("pagerduty", "triggered");
      body.event.event_type = `incident.${action}`;
      expect(only(pagerdutyAdapter.parse(delivery(body))).action).toBe(action);
    }
  });

  it("events that do not change the incident's lifecycle give no events but keep their id", () => {
    for (const name of ["status-update-published", "responder-added"]) {
      const parsed = parse(name);
      expect(parsed.events).toEqual([]);
      expect(parsed.dedupKey).toMatch(/^01HQ7X2M4/);
    }
    expect(parsed("incident.conference_bridge.updated").events).toEqual([]);
    expect(parsed("pagey.ping").events).toEqual([]);
    expect(parsed("service.updated").events).toEqual([]);

    function parsed(eventType: string): ParsedDelivery {
      return pagerdutyAdapter.parse(delivery({ event: { id: "01PING", event_type: eventType, resource_type: "pagey", occurred_at: "2025-03-14T10:00:00Z", agent: null, data: {} } }));
    }
  });

  it("uses the event id as dedup key, whatever else is in the body", () => {
    const body = fixtureJson<{ event: { id: string; data: { title: string } } }>("pagerduty", "acknowledged");
    body.event.data.title = "retitled";
    expect(pagerdutyAdapter.parse(delivery(body)).dedupKey).toBe(parse("acknowledged").dedupKey);
  });

  describe("rejects malformed deliveries with the reason", () => {
    function reason(body: string | object): string {
      try {
        pagerdutyAdapter.parse(delivery(body));
      } catch (error) {
        expect(error).toBeInstanceOf(IngestParseError);
        return (error as Error).message;
      }
      throw new Error("expected an IngestParseError");
    }

    it("malformed JSON", () => {
      expect(reason('{"event": {"id": ')).toMatch(/^body is not valid JSON/);
    });

    it("a v2 webhook (messages[]) instead of v3", () => {
      expect(reason({ messages: [{ event: "incident.trigger" }] })).toMatch(/^invalid PagerDuty v3 webhook payload: event: /);
    });

    it("an event without an id or a timestamp", () => {
      const message = reason({ event: { event_type: "incident.triggered", data: {} } });
      expect(message).toContain("event.id");
      expect(message).toContain("event.occurred_at");
    });

    it("an incident event whose data is not an incident", () => {
      const body = fixtureJson<{ event: { data: Record<string, unknown> } }>("pagerduty", "acknowledged");
      delete body.event.data.id;
      body.event.data.number = "ten";
      const message = reason(body);
      expect(message).toMatch(/^invalid PagerDuty incident\.acknowledged webhook payload: /);
      expect(message).toContain("event.data.id");
      expect(message).toContain("event.data.number");
    });

    it("a note without content", () => {
      const body = fixtureJson<{ event: { data: Record<string, unknown> } }>("pagerduty", "annotated");
      delete body.event.data.content;
      expect(reason(body)).toContain("event.data.content");
    });

    it("a timestamp that is not RFC 3339", () => {
      const body = fixtureJson<{ event: { occurred_at: string } }>("pagerduty", "resolved");
      body.event.occurred_at = "14/03/2025 09:30";
      expect(reason(body)).toBe('event.occurred_at: "14/03/2025 09:30" is not an RFC 3339 timestamp');
    });
  });
});
