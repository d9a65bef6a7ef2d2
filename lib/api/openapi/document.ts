import { z } from "zod";
import { apiKeyViewSchema, incidentViewSchema, serviceViewSchema, teamViewSchema } from "@/lib/core/view-schemas";
import packageJson from "@/package.json";
import { addNoteInput, declareIncidentInput, editTimelineEventInput, updateIncidentInput } from "@/lib/services/incidents/inputs";
import { createServiceInput, createTeamInput, updateServiceInput, updateTeamInput } from "@/lib/services/catalog/inputs";
import { createApiKeyInput } from "@/lib/services/api-keys/inputs";
import { addMemberInput } from "@/lib/services/organizations/inputs";
import { createIntegrationInput, setIntegrationSecretInput } from "@/lib/services/integrations/inputs";
import { attachAlertInput } from "@/lib/services/alerts/inputs";
import { markChangeInput } from "@/lib/services/changes/inputs";
import { updateCorrelationSettingsInput } from "@/lib/services/correlation/inputs";
import {
  alertSchema,
  changeSchema,
  correlationSettingsSchema,
  deliveryDetailSchema,
  deliverySchema,
  integrationSummarySchema,
  integrationWithSecretSchema,
  integrationWithSetupSchema,
  markedChangeSchema,
  suspectChangeSchema,
  auditEntrySchema,
  errorSchema,
  healthSchema,
  readinessSchema,
  pageOf,
  timelineEventSchema,
  verifySchema,
} from "./response-schemas";
import { POSTMORTEM_PATHS, POSTMORTEM_SCHEMAS } from "./postmortem-paths";
import { REGULATORY_PATHS, REGULATORY_SCHEMAS } from "./regulatory-paths";
import { INSIGHTS_PATHS, INSIGHTS_SCHEMAS } from "./insights-paths";
import { WORKBENCH_PATHS } from "./workbench-paths";
import { CLUSTER_PATHS } from "./cluster-paths";
import { SLACK_INBOUND_PATHS } from "./slack-inbound-paths";
import { SLACK_OUTBOUND_PATHS } from "./slack-outbound-paths";
import { json, listOf, op, path, query, READ, ref, WRITE } from "./operations";
import { ACTING_PATHS, ACTING_SCHEMAS } from "./acting-paths";
import { PLATFORM_PATHS, PLATFORM_SCHEMAS } from "./platform-paths";

const idOrRef = path("idOrRef", "incident id or reference such as INC-42");
const paging = [query("limit", "page size, default 50, max 500", { type: "integer", minimum: 1, maximum: 500 }), query("cursor", "opaque cursor from nextCursor")];

const integrationId = path("integrationId", "integration id");
const deliveryId = path("deliveryId", "delivery id");
const ADMIN_WRITE = [...WRITE, 404];

/** Integrations, deliveries, alerts, changes and correlation (API.md "Integrations and ingest"). */
const INGEST_PATHS = {
  "/api/ingest/{integrationId}": {
    post: {
      ...op("Webhook intake in the source's own format, verified per kind (Bearer secret, or HMAC-SHA256 of the raw body)", {
        params: [integrationId],
        ok: 202,
        response: { type: "object", properties: { delivery: { type: "string" }, duplicate: { type: "boolean" }, events: { type: "integer" } }, required: ["delivery", "duplicate", "events"] },
        errors: [401, 404, 413, 422, 429],
        tag: "Ingest",
      }),
      security: [],
      description:
        "200 with duplicate: true for a delivery already received (same sender key, or the same body); every delivery not accepted is stored as rejected or failed. A delivery refused for its credentials keeps only its first 4 KiB; past 20 a minute per source address or 60 per integration they are answered 429 with Retry-After and not stored.",
    },
  },
  "/api/v1/integrations": {
    get: op("Integrations with their last delivery and 24-hour delivery and error counts", { ok: 200, response: listOf("Integration"), errors: READ, tag: "Ingest" }),
    post: op("Create an integration; its secret and ready-to-paste setup are in this answer only", { body: createIntegrationInput, ok: 201, response: ref("IntegrationWithSecret"), errors: WRITE, tag: "Ingest" }),
  },
  "/api/v1/integrations/{integrationId}": {
    get: op("An integration with its setup snippet (the secret shown as a placeholder)", { params: [integrationId], ok: 200, response: ref("IntegrationWithSetup"), errors: [...READ, 404], tag: "Ingest" }),
  },
  "/api/v1/integrations/{integrationId}/rotate-secret": {
    post: op("Replace the secret with a new random one, shown in this answer only", { params: [integrationId], ok: 200, response: ref("IntegrationWithSecret"), errors: [...READ, 404], tag: "Ingest" }),
  },
  "/api/v1/integrations/{integrationId}/secret": {
    put: op("Set the secret to one the sender generated (PagerDuty's signing secret)", { params: [integrationId], body: setIntegrationSecretInput, ok: 200, response: ref("IntegrationWithSecret"), errors: ADMIN_WRITE, tag: "Ingest" }),
  },
  "/api/v1/deliveries": {
    get: op("Deliveries as received, newest first", {
      params: [query("status", "comma-separated: accepted, duplicate, rejected, failed"), query("integration", "integration id"), ...paging],
      ok: 200,
      response: listOf("Delivery"),
      errors: [...READ, 422],
      tag: "Ingest",
    }),
  },
  "/api/v1/deliveries/{deliveryId}": {
    get: op("A delivery with its full body and headers", { params: [deliveryId], ok: 200, response: ref("DeliveryDetail"), errors: [...READ, 404], tag: "Ingest" }),
  },
  "/api/v1/deliveries/{deliveryId}/replay": {
    post: op("Run a stored delivery through the pipeline again (409 for one rejected for its signature)", { params: [deliveryId], ok: 201, response: ref("Delivery"), errors: [...READ, 404, 409], tag: "Ingest" }),
  },
  "/api/v1/alerts": {
    get: op("Alerts by latest activity, newest first", {
      params: [
        query("status", "firing, resolved, or both comma-separated"),
        query("service", "comma-separated service slugs"),
        query("incident", "incident id or reference"),
        query("triage", "true: alerts waiting in triage; false: the others", { type: "string", enum: ["true", "false"] }),
        ...paging,
      ],
      ok: 200,
      response: listOf("Alert"),
      errors: [...READ, 404, 422],
      tag: "Alerts",
    }),
  },
  "/api/v1/incidents/{idOrRef}/alerts": {
    get: op("The incident's alerts", { params: [idOrRef, query("status", "firing, resolved"), ...paging], ok: 200, response: listOf("Alert"), errors: [...READ, 404, 422], tag: "Alerts" }),
    post: op("Attach an alert by hand (from triage or another incident)", { params: [idOrRef], body: attachAlertInput, ok: 200, response: ref("Alert"), errors: [...WRITE, 404], tag: "Alerts" }),
  },
  "/api/v1/incidents/{idOrRef}/alerts/{alertId}": {
    delete: op("Detach an alert; it goes back to triage", { params: [idOrRef, path("alertId", "alert id")], ok: 200, response: ref("Alert"), errors: [...READ, 404], tag: "Alerts" }),
  },
  "/api/v1/incidents/{idOrRef}/alerts/{alertId}/resolve": {
    post: op("Mark a firing alert of the incident resolved in Logbook (its source never sent the resolution); audited and on the timeline; 409 when it is not firing", {
      params: [idOrRef, path("alertId", "alert id")],
      ok: 200,
      response: ref("Alert"),
      errors: [...READ, 404, 409],
      tag: "Alerts",
    }),
  },
  "/api/v1/changes": {
    get: op("The organisation's change feed, newest first", {
      params: [
        query("service", "comma-separated service slugs"),
        query("environment", "comma-separated environments"),
        query("kind", "comma-separated change kinds"),
        query("team", "team slug: changes on the services it owns"),
        query("unmapped", "true: only changes no service matched", { type: "string", enum: ["true", "false"] }),
        query("since", "ISO timestamp, inclusive"),
        query("until", "ISO timestamp, exclusive"),
        ...paging,
      ],
      ok: 200,
      response: listOf("Change"),
      errors: [...READ, 422],
      tag: "Changes",
    }),
  },
  "/api/v1/incidents/{idOrRef}/changes": {
    get: op("Suspect changes before the incident's onset, best first, each with its reasons", {
      params: [idOrRef, query("lookback", "minutes before onset, default 120, max 20160", { type: "integer", minimum: 1, maximum: 20160 }), query("limit", "default 50, max 500", { type: "integer", minimum: 1, maximum: 500 })],
      ok: 200,
      response: listOf("SuspectChange"),
      errors: [...READ, 404, 422],
      tag: "Changes",
    }),
  },
  "/api/v1/incidents/{idOrRef}/changes/{changeId}": {
    put: op("Mark a change for the incident as suspect, culprit or dismissed (null clears); lands on the timeline", {
      params: [idOrRef, path("changeId", "change id")],
      body: markChangeInput,
      ok: 200,
      response: ref("MarkedChange"),
      errors: [...WRITE, 404],
      tag: "Changes",
    }),
  },
  "/api/v1/correlation/settings": {
    get: op("Routing rules and grouping window in effect", { ok: 200, response: ref("CorrelationSettings"), errors: READ, tag: "Alerts" }),
    put: op("Replace the routing rules and grouping window", { body: updateCorrelationSettingsInput, ok: 200, response: ref("CorrelationSettings"), errors: WRITE, tag: "Alerts" }),
  },
};

/** The OpenAPI 3.1 document of /api/v1, built from the same zod schemas the verbs validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: { title: "Logbook API", version: packageJson.version, description: "Incidents, timelines, services and the audit trail. Errors use {error: {code, message, details}}." },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }, { session: [] }],
    paths: {
      "/api/health": { get: { ...op("Liveness: the process answers; its database engine and roles", { ok: 200, response: ref("Health"), errors: [], tag: "Operations" }), security: [] } },
      "/api/ready": {
        get: {
          ...op("Readiness: 200 when the database answers (within 2 s) and holds every migration of this build, else 503 with the reason and Retry-After", { ok: 200, response: ref("Readiness"), errors: [], tag: "Operations" }),
          security: [],
        },
      },
      "/api/v1/incidents": {
        get: op("List incidents, newest first", {
          params: [
            query("status", "comma-separated statuses, or `open`"),
            query("severity", "comma-separated SEV1…SEV4"),
            query("service", "service slug"),
            query("q", "text in title or external id, or a reference"),
            ...paging,
          ],
          ok: 200,
          response: listOf("Incident"),
          errors: [...READ, 422],
          tag: "Incidents",
        }),
        post: op("Declare an incident", { body: declareIncidentInput, ok: 201, response: ref("Incident"), errors: [...WRITE, 409], tag: "Incidents" }),
      },
      "/api/v1/incidents/{idOrRef}": {
        get: op("Get an incident", { params: [idOrRef], ok: 200, response: ref("Incident"), errors: [...READ, 404], tag: "Incidents" }),
        patch: op("Change title, summary, severity, status, roles, services or the key times a person records (awareAt, acknowledgedAt, mitigatedAt, classifiedAt: none in the future or out of order with the others, else 422 naming the field; null clears)", { params: [idOrRef], body: updateIncidentInput, ok: 200, response: ref("Incident"), errors: [...WRITE, 404, 409], tag: "Incidents" }),
      },
      "/api/v1/incidents/{idOrRef}/notes": {
        post: op("Add a Markdown note to the timeline", { params: [idOrRef], body: addNoteInput, ok: 201, response: ref("TimelineEvent"), errors: [...WRITE, 404], tag: "Timeline" }),
      },
      "/api/v1/incidents/{idOrRef}/timeline": {
        get: op("The incident's timeline, oldest first", {
          params: [idOrRef, query("kind", "comma-separated event kinds"), query("highlighted", "true to list highlights only"), ...paging],
          ok: 200,
          response: listOf("TimelineEvent"),
          errors: [...READ, 404, 422],
          tag: "Timeline",
        }),
      },
      "/api/v1/incidents/{idOrRef}/timeline/{eventId}": {
        patch: op("Edit a note (earlier text is kept) or highlight an event", { params: [idOrRef, path("eventId", "timeline event id")], body: editTimelineEventInput, ok: 200, response: ref("TimelineEvent"), errors: [...WRITE, 404, 409], tag: "Timeline" }),
      },
      "/api/v1/incidents/{idOrRef}/timeline/{eventId}/revisions": {
        get: op("Earlier versions of an edited note", { params: [idOrRef, path("eventId", "timeline event id")], ok: 200, errors: [...READ, 404], tag: "Timeline", response: null }),
      },
      "/api/v1/services": {
        get: op("List services", { ok: 200, response: listOf("Service"), errors: READ, tag: "Catalog" }),
        post: op("Create a service", { body: createServiceInput, ok: 201, response: ref("Service"), errors: [...WRITE, 409], tag: "Catalog" }),
      },
      "/api/v1/services/{slug}": {
        get: op("Get a service with its ingest mappings", { params: [path("slug", "service slug")], ok: 200, response: ref("Service"), errors: [...READ, 404], tag: "Catalog" }),
        patch: op("Edit a service and how ingest maps events to it (unmapped events the new mapping claims move onto it)", {
          params: [path("slug", "service slug")],
          body: updateServiceInput,
          ok: 200,
          response: ref("Service"),
          errors: [...WRITE, 404],
          tag: "Catalog",
        }),
      },
      "/api/v1/teams": {
        get: op("List teams", { ok: 200, response: listOf("Team"), errors: READ, tag: "Catalog" }),
        post: op("Create a team", { body: createTeamInput, ok: 201, response: ref("Team"), errors: [...WRITE, 409], tag: "Catalog" }),
      },
      "/api/v1/teams/{slug}": {
        patch: op("Edit a team: name, description, time zone and working hours (insights count incidents outside them as off-hours)", {
          params: [path("slug", "team slug")],
          body: updateTeamInput,
          ok: 200,
          response: ref("Team"),
          errors: [...WRITE, 404],
          tag: "Catalog",
        }),
      },
      "/api/v1/audit": {
        get: op("Audit trail, newest first", {
          params: [query("from", "ISO timestamp, inclusive"), query("to", "ISO timestamp, exclusive"), query("actor", "actor id or part of a name"), query("action", "any part of the action name, case-insensitive (incident., status_changed)"), ...paging],
          ok: 200,
          response: listOf("AuditEntry"),
          errors: [...READ, 422],
          tag: "Audit",
        }),
      },
      "/api/v1/audit/verify": { get: op("Verify the organisation's hash chain", { ok: 200, response: ref("AuditVerification"), errors: READ, tag: "Audit" }) },
      "/api/v1/audit/export": {
        get: op("Export the audit trail as CSV or JSON (the export itself is audited)", {
          params: [query("format", "csv or json", { type: "string", enum: ["csv", "json"] }), query("from", "ISO timestamp"), query("to", "ISO timestamp")],
          ok: 200,
          errors: [...READ, 422],
          tag: "Audit",
          response: null,
        }),
      },
      "/api/v1/api-keys": {
        get: op("List API keys (never the secrets)", { ok: 200, response: listOf("ApiKey"), errors: READ, tag: "Settings" }),
        post: op("Create an API key; the key is in this answer only", { body: createApiKeyInput, ok: 201, response: { allOf: [ref("ApiKey"), { type: "object", properties: { key: { type: "string" } }, required: ["key"] }] }, errors: WRITE, tag: "Settings" }),
      },
      "/api/v1/api-keys/{keyId}": { delete: op("Revoke an API key", { params: [path("keyId", "API key id")], ok: 200, response: ref("ApiKey"), errors: [...READ, 404], tag: "Settings" }) },
      "/api/v1/members": {
        get: op("Members of the organisation", { ok: 200, errors: READ, tag: "Settings", response: null }),
        post: op("Add a member (creating the user when new)", { body: addMemberInput, ok: 201, errors: [...WRITE, 409], tag: "Settings", response: null }),
      },
      ...INGEST_PATHS,
      ...POSTMORTEM_PATHS,
      ...REGULATORY_PATHS,
      ...INSIGHTS_PATHS,
      ...WORKBENCH_PATHS,
      ...CLUSTER_PATHS,
      ...SLACK_INBOUND_PATHS,
      ...SLACK_OUTBOUND_PATHS,
      ...ACTING_PATHS,
      ...PLATFORM_PATHS,
      "/api/v1/me": { get: op("The caller: actor, organisation, role and permissions", { ok: 200, errors: [401], tag: "Settings", response: null }) },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An organisation API key (lbk_…), created in Settings or with the CLI" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "Browser session; state-changing requests must come from Logbook's own origin" },
      },
      schemas: {
        Incident: json(incidentViewSchema),
        TimelineEvent: json(timelineEventSchema),
        AuditEntry: json(auditEntrySchema),
        AuditVerification: json(verifySchema),
        Service: json(serviceViewSchema),
        Team: json(teamViewSchema),
        ApiKey: json(apiKeyViewSchema),
        Integration: json(integrationSummarySchema),
        IntegrationWithSetup: json(integrationWithSetupSchema),
        IntegrationWithSecret: json(integrationWithSecretSchema),
        Delivery: json(deliverySchema),
        DeliveryDetail: json(deliveryDetailSchema),
        Alert: json(alertSchema),
        Change: json(changeSchema),
        SuspectChange: json(suspectChangeSchema),
        MarkedChange: json(markedChangeSchema),
        CorrelationSettings: json(correlationSettingsSchema),
        Health: json(healthSchema),
        Readiness: json(readinessSchema),
        ...POSTMORTEM_SCHEMAS,
        ...REGULATORY_SCHEMAS,
        ...INSIGHTS_SCHEMAS,
        ...ACTING_SCHEMAS,
        ...PLATFORM_SCHEMAS,
        Error: json(errorSchema),
        Page: json(pageOf(z.unknown())),
      },
    },
  };
}
