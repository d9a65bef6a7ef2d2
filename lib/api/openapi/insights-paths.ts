import { z } from "zod";
import { INSIGHT_GROUPINGS } from "@/lib/insights/key-time-metrics";
import type { DigestView, InsightsView, ServiceHealthBoardView } from "@/lib/services/insights/views";

/**
 * Insights, the "since yesterday" digest and the service health board (API.md "Insights"),
 * kept apart from document.ts so that file stays readable; spread into its `paths` and
 * `schemas`. The zod schemas below are checked against the views at compile time.
 */

type JsonSchema = Record<string, unknown>;

const json = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const query = (name: string, description: string, schema: JsonSchema = { type: "string" }) => ({ name, in: "query", description, schema });
const ERRORS: Record<number, string> = {
  401: "missing or bad credentials",
  403: "role too low",
  404: "no such team or service in this organisation",
  422: "validation failed; details names each bad field",
};
const errors = Object.fromEntries(Object.entries(ERRORS).map(([status, description]) => [status, { description, content: { "application/json": { schema: ref("Error") } } }]));
const ok = (name: string) => ({ "200": { description: "success", content: { "application/json": { schema: ref(name) } } }, ...errors });

const seconds = z.number().nullable();
const durationSchema = z.object({ median: seconds, p90: seconds, n: z.number().int().describe("incidents that had the key time; the others are missing, not zero") });
const timestamp = z.string().describe("ISO 8601, UTC");
const key = z.string().nullable();

const deliverySchema = z.object({
  key,
  deployments: z.number().int(),
  failedDeployments: z.number().int().describe("deployments marked suspect or culprit on an incident"),
  changeFailureRate: z.number().nullable(),
  perWeek: z.number(),
  recoveryTime: durationSchema.describe("deployment → resolution of the incidents it caused, seconds"),
});
const actionItemsSchema = z.object({ key, open: z.number().int(), overdue: z.number().int(), closedOnTime: z.number().int(), closedLate: z.number().int() });
const trendSchema = z.object({ month: z.string(), key, incidents: z.number().int() });

const insightsSchema = z.object({
  from: timestamp,
  to: timestamp,
  groupBy: z.enum(INSIGHT_GROUPINGS),
  groups: z.array(
    z.object({
      key,
      incidents: z.number().int(),
      mttd: durationSchema.describe("detected − occurred, seconds"),
      mtta: durationSchema.describe("acknowledged − occurred, seconds"),
      mttm: durationSchema.describe("mitigated − occurred, seconds"),
      mttr: durationSchema.describe("resolved − occurred, seconds"),
      offHours: z.object({ count: z.number().int(), share: z.number().nullable().describe("of the incidents whose services a team owns") }),
    }),
  ),
  trends: z.object({ bySeverity: z.array(trendSchema), byService: z.array(trendSchema), byRootCause: z.array(trendSchema) }),
  changes: deliverySchema.extend({ byService: z.array(deliverySchema), byTeam: z.array(deliverySchema), byMonth: z.array(deliverySchema) }),
  actionItems: actionItemsSchema.omit({ key: true }).extend({ byTeam: z.array(actionItemsSchema) }),
  regulatory: z.object({ reports: z.number().int(), onTime: z.number().int(), late: z.number().int().describe("submitted after the deadline, or unsubmitted past it") }),
});

const reasonSchema = z.object({
  kind: z.enum(["incident", "alert", "reconciliation", "rollout", "deploy"]),
  state: z.enum(["amber", "red"]),
  text: z.string(),
  href: z.string(),
});
const healthState = z.enum(["green", "amber", "red"]);
const serviceHealthSchema = z.object({ service: z.string(), name: z.string(), team: z.string().nullable(), teamName: z.string().nullable(), state: healthState, reasons: z.array(reasonSchema) });
const boardSchema = z.object({ teams: z.array(z.object({ team: z.string().nullable(), teamName: z.string().nullable(), services: z.array(serviceHealthSchema) })) });

const digestIncident = z.object({ ref: z.string(), title: z.string(), severity: z.string(), status: z.string(), services: z.array(z.string()), at: timestamp });
const digestChange = z.object({
  id: z.string(),
  kind: z.string(),
  service: z.string().nullable(),
  title: z.string(),
  revision: z.string().nullable(),
  environment: z.string().nullable(),
  url: z.string().nullable(),
  occurredAt: timestamp,
});
const digestSchema = z.object({
  since: timestamp,
  until: timestamp,
  scope: z.object({ team: z.string().nullable(), service: z.string().nullable() }),
  incidents: z.object({ opened: z.array(digestIncident), resolved: z.array(digestIncident) }),
  alerts: z.array(
    z.object({ name: z.string(), service: z.string().nullable(), severity: z.string().nullable(), status: z.enum(["firing", "resolved"]), startsAt: timestamp, incidentRef: z.string().nullable() }),
  ),
  changes: z.object({ released: z.array(digestChange), failed: z.array(digestChange) }),
  actionItemsDue: z.array(z.object({ id: z.string(), title: z.string(), incidentRef: z.string(), dueDate: z.string(), status: z.string(), overdue: z.boolean() })),
  health: z.array(serviceHealthSchema.pick({ service: true, state: true, reasons: true })),
});

type Assignable<A, B extends A> = B;
// Compile-time only: each view must satisfy the schema the document states for it.
type _ViewsMatchSchemas = [
  Assignable<z.infer<typeof insightsSchema>, InsightsView>,
  Assignable<z.infer<typeof digestSchema>, DigestView>,
  Assignable<z.infer<typeof boardSchema>, ServiceHealthBoardView>,
];

const scope = [query("team", "team slug"), query("service", "service slug")];

export const INSIGHTS_PATHS = {
  "/api/v1/insights": {
    get: {
      summary: "Incident response times (median, p90, count), trends, delivery health, action items and regulatory reports over a range",
      description:
        "Durations in seconds, each a key time minus the incident's start (occurred); an incident without the key time counts as missing, never as zero. Months are UTC calendar months of the start.",
      tags: ["Insights"],
      parameters: [
        query("from", "day or ISO timestamp, inclusive; default: the first of the month eleven months before `to`"),
        query("to", "day or ISO timestamp, exclusive; default: now"),
        query("groupBy", "how `groups` is grouped; default month", { type: "string", enum: [...INSIGHT_GROUPINGS] }),
        query("severity", "comma-separated SEV1…SEV4"),
        ...scope,
      ],
      responses: ok("Insights"),
    },
  },
  "/api/v1/digest": {
    get: {
      summary: "Since yesterday for a team, a service or the organisation: incidents opened and resolved, alerts fired, released and failed to release, action items due, service health",
      tags: ["Insights"],
      parameters: [...scope, query("since", "day or ISO timestamp; default: 24 hours ago; at most 31 days back")],
      responses: ok("Digest"),
    },
  },
  "/api/v1/service-health": {
    get: {
      summary: "The service health board: every service by team, green/amber/red with its reasons and links",
      tags: ["Insights"],
      parameters: scope,
      responses: ok("ServiceHealthBoard"),
    },
  },
};

export const INSIGHTS_SCHEMAS = { Insights: json(insightsSchema), Digest: json(digestSchema), ServiceHealthBoard: json(boardSchema) };
