import { z } from "zod";

/**
 * PagerDuty's REST API v2 (on-call, services, escalation policies; `Authorization: Token
 * token=…`) and Events API v2 (`POST /v2/enqueue`, authorised by the routing key in the
 * body). Both base URLs come from the organisation's connection, so EU accounts and
 * loopback test servers work.
 */
export interface PagerDutyAccess {
  apiUrl: string;
  eventsUrl: string;
  token: string;
}

/** Why a PagerDuty call failed, in words a responder can act on; `retryAfter` for a rate limit. */
export class PagerDutyRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter: Date | null = null,
  ) {
    super(message);
    this.name = "PagerDutyRequestError";
  }
}

export interface OnCallEntry {
  escalationPolicy: { id: string; name: string };
  level: number;
  user: { name: string; email: string | null };
  schedule: string | null;
  /** null: on call permanently (a policy level that names a user directly) */
  start: string | null;
  end: string | null;
}

export interface PagerDutyService {
  id: string;
  name: string;
  escalationPolicy: { id: string; name: string } | null;
}

export interface PagerDutyEscalationPolicy {
  id: string;
  name: string;
}

const TIMEOUT_MS = 10_000;
const ref = z.looseObject({ id: z.string(), summary: z.string().nullish(), name: z.string().nullish(), email: z.string().nullish() });
const oncallsPage = z.looseObject({
  oncalls: z.array(
    z.looseObject({ escalation_policy: ref, escalation_level: z.number().int(), user: ref, schedule: ref.nullish(), start: z.string().nullish(), end: z.string().nullish() }),
  ),
  more: z.boolean().nullish(),
});
const servicesPage = z.looseObject({ services: z.array(z.looseObject({ id: z.string(), name: z.string(), escalation_policy: ref.nullish() })), more: z.boolean().nullish() });
const policiesPage = z.looseObject({ escalation_policies: z.array(z.looseObject({ id: z.string(), name: z.string() })), more: z.boolean().nullish() });

function retryAfterOf(response: Response): Date | null {
  const seconds = Number(response.headers.get("retry-after"));
  if (Number.isFinite(seconds) && seconds > 0) return new Date(Date.now() + seconds * 1000);
  const reset = Number(response.headers.get("ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? new Date(Date.now() + reset * 1000) : null;
}

async function explain(response: Response, what: string): Promise<PagerDutyRequestError> {
  const text = await response.text().catch(() => "");
  let detail = "";
  try {
    const body = JSON.parse(text) as { error?: { message?: string; errors?: string[] }; message?: string; errors?: string[] };
    detail = [body.error?.message ?? body.message, ...(body.error?.errors ?? body.errors ?? [])].filter(Boolean).join(": ");
  } catch {
    detail = text.slice(0, 200);
  }
  if (response.status === 401) return new PagerDutyRequestError(401, "PagerDuty refused the API token (401): it was revoked or mistyped; update it in the PagerDuty settings.");
  if (response.status === 403) return new PagerDutyRequestError(403, `PagerDuty denied access to ${what} (403): the token lacks the rights.`);
  if (response.status === 429) {
    const at = retryAfterOf(response);
    return new PagerDutyRequestError(429, `PagerDuty is rate limiting Logbook (429)${at ? ` until ${at.toISOString()}` : ""}; retrying.`, at);
  }
  if (response.status >= 500) return new PagerDutyRequestError(response.status, `PagerDuty is unavailable (${response.status}) for ${what}; retrying.`);
  return new PagerDutyRequestError(response.status, `PagerDuty answered ${response.status} for ${what}${detail ? `: ${detail}` : ""}.`.slice(0, 500));
}

async function call(url: string, init: RequestInit, what: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new PagerDutyRequestError(503, `PagerDuty could not be reached for ${what} (${(error as Error).message}); retrying.`);
  }
  if (!response.ok) throw await explain(response, what);
  return response;
}

async function restGet<T extends z.ZodType>(access: PagerDutyAccess, path: string, params: URLSearchParams, schema: T, what: string): Promise<z.output<T>> {
  const url = `${access.apiUrl.replace(/\/+$/, "")}${path}?${params}`;
  const response = await call(url, { headers: { authorization: `Token token=${access.token}`, accept: "application/vnd.pagerduty+json;version=2" } }, what);
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new PagerDutyRequestError(502, `PagerDuty's answer for ${what} was not in the expected shape.`);
  return parsed.data;
}

/** Who is on call now for the escalation policies, every level (the caller picks 1 and 2). */
export async function listOnCalls(access: PagerDutyAccess, escalationPolicyIds: string[]): Promise<OnCallEntry[]> {
  if (escalationPolicyIds.length === 0) return [];
  const entries: OnCallEntry[] = [];
  for (let offset = 0; ; offset += 100) {
    const params = new URLSearchParams({ limit: "100", offset: String(offset), "include[]": "users" });
    for (const id of escalationPolicyIds) params.append("escalation_policy_ids[]", id);
    const page = await restGet(access, "/oncalls", params, oncallsPage, "the on-call list");
    for (const o of page.oncalls) {
      entries.push({
        escalationPolicy: { id: o.escalation_policy.id, name: o.escalation_policy.summary ?? o.escalation_policy.name ?? o.escalation_policy.id },
        level: o.escalation_level,
        user: { name: o.user.name ?? o.user.summary ?? o.user.id, email: o.user.email ?? null },
        schedule: o.schedule?.summary ?? null,
        start: o.start ?? null,
        end: o.end ?? null,
      });
    }
    if (!page.more || offset >= 900) return entries;
  }
}

/** The account's services with their escalation policies, for mapping Logbook services. */
export async function listPagerDutyServices(access: PagerDutyAccess): Promise<PagerDutyService[]> {
  const page = await restGet(access, "/services", new URLSearchParams({ limit: "100" }), servicesPage, "the service list");
  return page.services.map((s) => ({ id: s.id, name: s.name, escalationPolicy: s.escalation_policy ? { id: s.escalation_policy.id, name: s.escalation_policy.summary ?? s.escalation_policy.id } : null }));
}

export async function listEscalationPolicies(access: PagerDutyAccess): Promise<PagerDutyEscalationPolicy[]> {
  const page = await restGet(access, "/escalation_policies", new URLSearchParams({ limit: "100" }), policiesPage, "the escalation policy list");
  return page.escalation_policies.map((p) => ({ id: p.id, name: p.name }));
}

export type PagerDutyEvent =
  | { action: "trigger"; dedupKey: string; summary: string; source: string; severity: "critical" | "error" | "warning" | "info"; link: { href: string; text: string }; details: Record<string, string> }
  | { action: "resolve" | "acknowledge"; dedupKey: string };

/** Sends one event; PagerDuty answers 202 and groups events by dedup key into one incident. */
export async function sendPagerDutyEvent(access: Pick<PagerDutyAccess, "eventsUrl">, routingKey: string, event: PagerDutyEvent): Promise<{ dedupKey: string }> {
  const body =
    event.action === "trigger"
      ? {
          routing_key: routingKey,
          event_action: "trigger",
          dedup_key: event.dedupKey,
          payload: { summary: event.summary.slice(0, 1024), source: event.source, severity: event.severity, custom_details: event.details },
          links: [event.link],
          client: "Logbook",
          client_url: event.link.href,
        }
      : { routing_key: routingKey, event_action: event.action, dedup_key: event.dedupKey };
  const response = await call(
    `${access.eventsUrl.replace(/\/+$/, "")}/v2/enqueue`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    `the ${event.action} event`,
  );
  const answer = (await response.json().catch(() => ({}))) as { dedup_key?: string };
  return { dedupKey: answer.dedup_key ?? event.dedupKey };
}
