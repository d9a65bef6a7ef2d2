import { z } from "zod";
import { parseTimestamp, presentText, validatePayload, decodeJsonBody } from "./payload";
import { verifyHmacSha256 } from "./signatures";
import { PAGERDUTY_ACTIONS, type IngestAdapter, type NormalizedPagerDutyEvent, type PagerDutyAction, type ParsedDelivery, type RawDelivery } from "./types";

/**
 * PagerDuty webhooks v3: `{ event: { id, event_type, resource_type, occurred_at, agent,
 * data } }`. `data` is the incident for lifecycle events and an `incident_note` (with an
 * `incident` reference) for incident.annotated. The event id is unique per event and kept
 * across PagerDuty's retries, so it is the dedup key.
 */

const reference = z.looseObject({
  id: z.string().nullish(),
  summary: z.string().nullish(),
  html_url: z.string().nullish(),
  type: z.string().nullish(),
});

const envelope = z.looseObject({
  event: z.looseObject({
    id: z.string().min(1),
    event_type: z.string().min(1),
    resource_type: z.string().nullish(),
    occurred_at: z.string(),
    agent: reference.nullish(),
    data: z.looseObject({}).nullish(),
  }),
});

const incidentData = z.looseObject({
  id: z.string().min(1),
  number: z.number().int().nullish(),
  title: z.string().nullish(),
  status: z.string().nullish(),
  urgency: z.string().nullish(),
  html_url: z.string().nullish(),
  incident_key: z.string().nullish(),
  service: reference.nullish(),
  assignees: z.array(reference).nullish(),
  escalation_policy: reference.nullish(),
  priority: reference.nullish(),
});

const noteData = z.looseObject({
  incident: reference.extend({ id: z.string().min(1) }),
  content: z.string(),
});

const withData = <T extends z.ZodType>(data: T) => z.looseObject({ event: z.looseObject({ data }) });

const ACTIONS = new Set<string>(PAGERDUTY_ACTIONS);

function isAction(value: string): value is PagerDutyAction {
  return ACTIONS.has(value);
}

function assigneeNote(assignees: Array<z.output<typeof reference>> | null | undefined): string | null {
  const names = (assignees ?? []).map((assignee) => presentText(assignee.summary)).filter((name): name is string => name !== null);
  return names.length > 0 ? `Assigned to ${names.join(", ")}` : null;
}

function lifecycleNote(action: PagerDutyAction, incident: z.output<typeof incidentData>): string | null {
  switch (action) {
    case "reassigned":
    case "escalated":
      return assigneeNote(incident.assignees);
    case "delegated": {
      const policy = presentText(incident.escalation_policy?.summary);
      return policy ? `Delegated to escalation policy ${policy}` : null;
    }
    case "priority_updated": {
      const priority = presentText(incident.priority?.summary);
      return priority ? `Priority set to ${priority}` : "Priority cleared";
    }
    default:
      return null;
  }
}

export const pagerdutyAdapter: IngestAdapter = {
  source: "pagerduty",
  verify: (raw, secret) => verifyHmacSha256(raw.headers, "X-PagerDuty-Signature", "v1=", raw.body, secret, { list: true }),
  parse(raw: RawDelivery): ParsedDelivery {
    const body = decodeJsonBody(raw.body);
    const { event } = validatePayload(envelope, body, "PagerDuty v3 webhook");
    const base = { eventType: event.event_type, dedupKey: event.id };

    const [resource, action = ""] = event.event_type.split(/\.(.*)/s);
    // Other incident events (responder added, status update, conference bridge, workflows)
    // and other resources (services, pagey.ping) do not change the incident's lifecycle.
    if (resource !== "incident" || !isAction(action)) return { ...base, events: [] };

    const occurredAt = parseTimestamp(event.occurred_at, "event.occurred_at") ?? raw.receivedAt;
    const actor = presentText(event.agent?.summary);

    if (action === "annotated") {
      const note = validatePayload(withData(noteData), body, "PagerDuty incident.annotated webhook").event.data;
      return {
        ...base,
        events: [
          {
            type: "pagerduty",
            action,
            incidentId: note.incident.id,
            incidentNumber: null,
            title: presentText(note.incident.summary) ?? note.incident.id,
            urgency: null,
            status: null,
            serviceName: null,
            htmlUrl: presentText(note.incident.html_url),
            actor,
            note: note.content,
            incidentKey: null,
            occurredAt,
            hints: {},
          },
        ],
      };
    }

    const incident = validatePayload(withData(incidentData), body, `PagerDuty ${event.event_type} webhook`).event.data;
    const serviceName = presentText(incident.service?.summary);
    const normalised: NormalizedPagerDutyEvent = {
      type: "pagerduty",
      action,
      incidentId: incident.id,
      incidentNumber: incident.number ?? null,
      title: presentText(incident.title) ?? (incident.number != null ? `Incident #${incident.number}` : incident.id),
      urgency: presentText(incident.urgency),
      status: presentText(incident.status),
      serviceName,
      htmlUrl: presentText(incident.html_url),
      actor,
      note: lifecycleNote(action, incident),
      incidentKey: presentText(incident.incident_key),
      occurredAt,
      hints: serviceName ? { serviceName } : {},
    };
    return { ...base, events: [normalised] };
  },
};
