import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback PagerDuty: the REST API v2 endpoints Logbook reads (GET /oncalls, /services,
 * /escalation_policies, with `Authorization: Token token=…` and PagerDuty's error bodies)
 * and the Events API v2 (POST /v2/enqueue: 202, 400 for a bad event, 429 when throttled),
 * on one port so tests can point both base URLs at it.
 */
interface FakeOnCall {
  policy: { id: string; name: string };
  level: number;
  user: { id: string; name: string; email: string };
  schedule?: { id: string; name: string } | null;
  start: string | null;
  end: string | null;
}

export interface FakePagerDuty {
  url: string;
  token: string;
  oncalls: FakeOnCall[];
  services: Array<{ id: string; name: string; policy: { id: string; name: string } }>;
  /** events accepted by /v2/enqueue, in order */
  events: Array<{ routing_key: string; event_action: string; dedup_key: string; payload?: Record<string, unknown>; links?: unknown[] }>;
  /** incidents by dedup key, as PagerDuty groups events */
  incidents: Map<string, { status: "triggered" | "acknowledged" | "resolved"; triggers: number }>;
  requests: Array<{ method: string; path: string }>;
  /** answer the next n enqueues with 429 */
  throttle: number;
  /** answer everything with 503, as during an outage */
  down: boolean;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), "x-request-id": Math.random().toString(16).slice(2), ...headers });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

const ref = (type: string, id: string, summary: string) => ({ id, type: `${type}_reference`, summary, self: `https://api.pagerduty.example/${type}s/${id}`, html_url: `https://acme.pagerduty.example/${type}s/${id}` });

export async function startFakePagerDuty(options: { token: string; routingKey: string }): Promise<FakePagerDuty> {
  const state: Omit<FakePagerDuty, "url" | "close"> = { token: options.token, oncalls: [], services: [], events: [], incidents: new Map(), requests: [], throttle: 0, down: false };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      state.requests.push({ method: req.method ?? "GET", path: url.pathname });
      if (state.down) return send(res, 503, { error: { message: "Service Unavailable", code: 2010 } });

      if (url.pathname === "/v2/enqueue" && req.method === "POST") {
        const event = (await readJson(req)) as FakePagerDuty["events"][number] | undefined;
        if (state.throttle > 0) {
          state.throttle--;
          return send(res, 429, { status: "throttle event", message: "Requests for this service are arriving too quickly.  Please retry later." });
        }
        const errors: string[] = [];
        if (!event || typeof event !== "object") return send(res, 400, { status: "invalid event", message: "Event object is invalid", errors: ["Invalid JSON"] });
        if (event.routing_key?.length !== 32) errors.push("Length of 'routing_key' is incorrect (should be 32 characters)");
        if (!["trigger", "acknowledge", "resolve"].includes(event.event_action)) errors.push("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
        if (event.event_action === "trigger" && (!event.payload?.summary || !event.payload?.source || !event.payload?.severity)) errors.push("'payload' is missing or blank");
        if (event.event_action !== "trigger" && !event.dedup_key) errors.push("'dedup_key' is missing or blank");
        if (errors.length) return send(res, 400, { status: "invalid event", message: "Event object is invalid", errors });
        // An unknown routing key is accepted and dropped by PagerDuty; a known one opens incidents.
        if (event.routing_key === options.routingKey) {
          state.events.push(event);
          const incident = state.incidents.get(event.dedup_key) ?? { status: "triggered" as const, triggers: 0 };
          if (event.event_action === "trigger") {
            if (incident.status === "resolved") incident.status = "triggered";
            incident.triggers++;
          } else incident.status = event.event_action === "resolve" ? "resolved" : "acknowledged";
          state.incidents.set(event.dedup_key, incident);
        }
        return send(res, 202, { status: "success", message: "Event processed", dedup_key: event.dedup_key });
      }

      if (req.method !== "GET") return send(res, 404, { error: { message: "Not Found", code: 2100 } });
      if (req.headers.authorization !== `Token token=${options.token}`) return send(res, 401, { error: { message: "Unauthorized", code: 2006 } });
      if (url.pathname === "/oncalls") {
        const policies = url.searchParams.getAll("escalation_policy_ids[]");
        const offset = Number(url.searchParams.get("offset") ?? 0);
        const limit = Number(url.searchParams.get("limit") ?? 25);
        const matching = state.oncalls.filter((o) => policies.length === 0 || policies.includes(o.policy.id));
        const page = matching.slice(offset, offset + limit).map((o) => ({
          escalation_policy: ref("escalation_policy", o.policy.id, o.policy.name),
          escalation_level: o.level,
          schedule: o.schedule ? ref("schedule", o.schedule.id, o.schedule.name) : null,
          user: url.searchParams.getAll("include[]").includes("users") ? { id: o.user.id, type: "user", name: o.user.name, email: o.user.email, summary: o.user.name, time_zone: "Europe/Oslo" } : ref("user", o.user.id, o.user.name),
          start: o.start,
          end: o.end,
        }));
        return send(res, 200, { oncalls: page, limit, offset, more: offset + limit < matching.length, total: null });
      }
      if (url.pathname === "/services") {
        return send(res, 200, { services: state.services.map((s) => ({ id: s.id, type: "service", name: s.name, status: "active", escalation_policy: ref("escalation_policy", s.policy.id, s.policy.name) })), limit: 100, offset: 0, more: false, total: null });
      }
      if (url.pathname === "/escalation_policies") {
        const policies = [...new Map(state.services.map((s) => [s.policy.id, s.policy])).values()];
        return send(res, 200, { escalation_policies: policies.map((p) => ({ id: p.id, type: "escalation_policy", name: p.name, num_loops: 0 })), limit: 100, offset: 0, more: false, total: null });
      }
      return send(res, 404, { error: { message: "Not Found", code: 2100 } });
    })().catch((error) => send(res, 500, { error: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }) as FakePagerDuty;
}
