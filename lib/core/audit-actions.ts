import { z } from "zod";
import { POSTMORTEM_STATUSES } from "./postmortem-workflow";
import { ORG_ROLES } from "./roles";
import { SEVERITIES } from "./severity";
import { apiKeyViewSchema, incidentViewSchema, serviceViewSchema, teamViewSchema } from "./view-schemas";

/*
 * The audit trail's one contract: every action a verb writes, the kind of row it targets, and
 * the JSON its before/after columns hold. Writers are typed by it (AuditChange), readers get
 * rows back typed per action (parseAuditEntry). The schemas describe the stored JSON, which is
 * what recordAudit's JSON round-trip leaves: Dates are ISO strings, undefined is gone, and a
 * side nothing is written to is null.
 *
 * Enums that live outside lib/core (change marks, action-item priorities and statuses,
 * integration kinds, delivery statuses, template keys) are plain strings here: this module may
 * only depend on lib/core.
 */

// ---------------------------------------------------------------------------------------------
// Stored values

/** A timestamp as stored: an ISO string. Writers may hand over the Date; JSON turns it into this. */
const isoTimestamp = z.union([z.iso.datetime({ offset: true }), z.date().transform((date) => date.toISOString())]);

/** A calendar date as stored (action-item due dates): YYYY-MM-DD. */
const isoDate = z.iso.date();

/** Nothing written on this side: recordAudit stores null. */
const nothing = z.null();

/**
 * A value of a lib/core enum read from a text column: the row types it as string, so writers
 * pass a string; readers get the enum, and a stored value outside it makes the entry unknown.
 */
function storedEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().pipe(z.enum(values));
}

const count = z.number().int().nonnegative();
const ssoSettings = z.strictObject({
  issuer: z.string(),
  clientId: z.string(),
  providerId: z.string(),
  roleClaim: z.string().nullable(),
  roleMapping: z.record(z.string(), z.string()),
  defaultRole: z.string(),
  passwordSignInDisabled: z.boolean(),
});
const ids = z.array(z.string());

function defineAuditAction<const T extends string, B extends z.ZodType, A extends z.ZodType>(targetType: T, before: B, after: A) {
  return { targetType, before, after };
}

// ---------------------------------------------------------------------------------------------
// View snapshots: the views' JSON shapes (lib/core/view-schemas.ts, shared with the OpenAPI
// document). Fields a view gained or lost since a row was written do not fail a parse (zod
// objects ignore unknown keys) and parseAuditEntry hands back the stored JSON untouched.
const incidentView = incidentViewSchema;
const serviceView = serviceViewSchema;
const teamView = teamViewSchema;
const apiKeyView = apiKeyViewSchema;

/** The fields of an IncidentView that an update changed (updatedAt is left out by the writer). */
const incidentChanges = incidentView.partial();
const incidentStatusChange = incidentChanges.required({ status: true });



/** IntegrationView (lib/services/integrations); the secret is never part of it. */
const slackSettings = z.looseObject({
  teamId: z.string().nullable(),
  announceChannel: z.string().nullable(),
  channelNameTemplate: z.string(),
  archiveAfterDays: z.number().int().nullable(),
  echo: z.record(z.string(), z.boolean()),
  captureEmoji: z.string(),
});

const integrationView = z.looseObject({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  url: z.string(),
  createdAt: isoTimestamp,
  secretRotatedAt: isoTimestamp,
  lastDeliveryAt: isoTimestamp.nullable(),
});


/** OrganizationView (lib/services/organizations). */
const organizationView = z.looseObject({ id: z.string(), slug: z.string(), name: z.string(), createdAt: isoTimestamp });

/** RoutingRule (lib/correlation), as the settings view returns it. */
const routingRule = z.looseObject({
  name: z.string(),
  matchLabels: z.record(z.string(), z.array(z.string())),
  declare: z.boolean(),
  severity: z.enum(SEVERITIES),
});

// ---------------------------------------------------------------------------------------------
// Hand-written shapes: strict, so a writer cannot add a field without adding it here (a stored
// field this catalogue does not know makes the entry unknown, it is never dropped).

const noteState = z.strictObject({ body: z.string().nullable(), highlighted: z.boolean(), version: z.number().int() });
const changeMark = z.strictObject({ changeId: z.string(), mark: z.string().nullable() });
const alertPlacement = z.strictObject({ incidentId: z.string().nullable(), routing: z.string().nullable() });
/** An alert's own state on its incident. */
const alertState = z.strictObject({ incidentId: z.string(), status: z.enum(["firing", "resolved"]), endsAt: isoTimestamp.nullable() });
const runbookStep = z.strictObject({ incidentId: z.string(), runbookId: z.string(), step: z.number().int() });
const runbookTitle = z.strictObject({ title: z.string() });
const postmortemStep = z.strictObject({ status: storedEnum(POSTMORTEM_STATUSES), revision: z.number().int() });
const correlationSettings = z.strictObject({ rules: z.array(routingRule), groupingWindowMinutes: z.number().int() });

/** Slack capture: which message of which channel, and who wrote it (an Actor, possibly a Slack user no member matches). */
const slackMessageRef = z.strictObject({ incidentId: z.string(), channelId: z.string(), ts: z.string() });
const slackCapture = slackMessageRef.extend({
  via: z.enum(["reaction", "shortcut"]),
  author: z.strictObject({ type: z.string(), id: z.string().nullable(), label: z.string() }),
  files: count,
  replies: count,
});
const slackText = z.strictObject({ text: z.string(), version: z.number().int() });

/** Regulatory reporting: a report's place in its workflow, the entity, structured root causes. */
const reportStep = z.strictObject({ status: z.string(), regime: z.string(), type: z.string() });
const reportingEntitySnapshot = z.looseObject({ name: z.string(), entityType: z.string(), country: z.string(), competentAuthority: z.string() });
const rootCauseCodes = z.strictObject({ categories: ids, details: ids, additional: ids, other: z.string().nullable().optional() });

/** The fields of an action item an update changed; `owner` holds the owner's user id. */
const actionItemFields = z.strictObject({
  title: z.string(),
  description: z.string().nullable(),
  owner: z.string().nullable(),
  dueDate: isoDate.nullable(),
  priority: z.string(),
  status: z.string(),
});

// ---------------------------------------------------------------------------------------------
// The catalogue

export const AUDIT_ACTIONS = {
  // Incidents and their timelines
  "incident.declared": defineAuditAction("incident", nothing, incidentView),
  /** the demo seed replays past incidents into rows, one entry each */
  "incident.imported": defineAuditAction("incident", nothing, incidentView),
  "incident.updated": defineAuditAction("incident", incidentChanges, incidentChanges),
  /** an update that moved the status: both sides hold it */
  "incident.status_changed": defineAuditAction("incident", incidentStatusChange, incidentStatusChange),
  "incident.note_added": defineAuditAction("timeline_event", nothing, z.strictObject({ incidentId: z.string(), body: z.string().nullable(), highlighted: z.boolean() })),
  "incident.note_edited": defineAuditAction("timeline_event", noteState, noteState),
  "incident.event_highlighted": defineAuditAction("timeline_event", noteState, noteState),
  "incident.change_marked": defineAuditAction("incident", changeMark, changeMark),
  /** a Slack message copied to the timeline (capture emoji or shortcut) by a member; `author` is who wrote it in Slack */
  "incident.slack_message_captured": defineAuditAction("timeline_event", nothing, slackCapture),
  /** a captured message edited in Slack, by its author (a member or a Slack actor) */
  "incident.slack_message_edited": defineAuditAction("timeline_event", slackText, slackText),
  "incident.slack_message_deleted": defineAuditAction("timeline_event", nothing, slackMessageRef),
  "incident.slack_backfilled": defineAuditAction("incident", nothing, z.strictObject({ channelId: z.string(), imported: count, skipped: count })),
  "incident.slack_channel_connected": defineAuditAction("incident", nothing, z.strictObject({ channelId: z.string(), channelName: z.string() })),
  /** a revert pull request opened through the GitHub connection (never a push to the default branch) */
  "rollback.opened": defineAuditAction(
    "rollback",
    nothing,
    z.strictObject({
      incidentId: z.string(),
      changeId: z.string(),
      repository: z.string(),
      branch: z.string(),
      baseBranch: z.string(),
      strategy: z.enum(["revert", "tag_bump"]),
      commits: ids,
      files: z.array(z.string()),
      pullRequest: z.number().int(),
      url: z.string(),
      reviewers: z.array(z.string()),
    }),
  ),
  /** a rollback refused because later commits touched the same files (or the field moved on) */
  "rollback.refused": defineAuditAction(
    "rollback",
    nothing,
    z.strictObject({ incidentId: z.string(), changeId: z.string(), repository: z.string(), reason: z.string(), conflicts: ids }),
  ),
  "rollback.pull_request_updated": defineAuditAction(
    "rollback",
    z.strictObject({ status: z.string(), reviewState: z.string().nullable() }),
    z.strictObject({ status: z.string(), reviewState: z.string().nullable(), mergeCommitSha: z.string().nullable(), source: z.enum(["webhook", "check"]) }),
  ),
  /** the merged revert running: the reconciliation or deploy of its revision */
  "rollback.applied": defineAuditAction("rollback", nothing, z.strictObject({ changeId: z.string(), revision: z.string(), kind: z.string() })),
  "alert.attached": defineAuditAction("alert", alertPlacement, alertPlacement.extend({ incidentId: z.string() })),
  "alert.detached": defineAuditAction("alert", alertPlacement.extend({ incidentId: z.string() }), alertPlacement.extend({ incidentId: z.null(), routing: z.string() })),
  /** a person marked a firing alert resolved in Logbook (its source had not said so) */
  "alert.resolved": defineAuditAction("alert", alertState, alertState.extend({ status: z.literal("resolved"), endsAt: isoTimestamp, resolvedBy: z.string() })),

  // Postmortems and their action items
  "postmortem.created": defineAuditAction(
    "postmortem",
    nothing,
    z.strictObject({ incidentId: z.string(), template: z.string(), status: storedEnum(POSTMORTEM_STATUSES), revision: z.number().int() }),
  ),
  "postmortem.submitted": defineAuditAction("postmortem", postmortemStep, postmortemStep),
  "postmortem.approved": defineAuditAction("postmortem", postmortemStep, postmortemStep.extend({ approvals: count, required: count })),
  "postmortem.published": defineAuditAction("postmortem", postmortemStep, postmortemStep.extend({ sha256: z.string() })),
  "postmortem.reopened": defineAuditAction("postmortem", postmortemStep, postmortemStep),
  "postmortem.exported": defineAuditAction(
    "postmortem",
    nothing,
    z.strictObject({ format: z.enum(["pdf", "docx", "md"]), revision: z.number().int(), published: z.boolean(), sha256: z.string(), contentSha256: z.string(), bytes: count }),
  ),
  "postmortem.authors_added": defineAuditAction("postmortem", z.strictObject({ authorIds: ids }), z.strictObject({ authorIds: ids })),
  "postmortem.approvals_cleared": defineAuditAction("postmortem", z.strictObject({ approvals: ids }), z.strictObject({ approvals: ids, reason: z.string() })),
  "postmortem_template.updated": defineAuditAction(
    "postmortem_template",
    z.strictObject({ name: z.string(), customised: z.boolean() }),
    z.strictObject({ name: z.string() }),
  ),
  "action_item.created": defineAuditAction(
    "action_item",
    nothing,
    z.strictObject({ incidentId: z.string(), title: z.string(), ownerId: z.string().nullable(), dueDate: isoDate.nullable(), priority: z.string() }),
  ),
  /** by a person (the fields changed), or by the GitHub sync closing it (status, with a reason) */
  "action_item.updated": defineAuditAction("action_item", actionItemFields.partial(), actionItemFields.partial().extend({ reason: z.string().optional() })),
  "action_item.github_issue_created": defineAuditAction("action_item", nothing, z.strictObject({ repository: z.string(), number: z.number().int(), url: z.string() })),

  // Regulatory reporting (DORA, NIS2, GDPR Art. 33)
  "reporting_entity.updated": defineAuditAction("reporting_entity", reportingEntitySnapshot.nullable(), reportingEntitySnapshot),
  "incident.classified": defineAuditAction(
    "regulatory_classification",
    nothing,
    z.strictObject({ incidentId: z.string(), regime: z.string(), major: z.boolean(), criteriaMet: ids, criteria: z.record(z.string(), z.unknown()), classifiedAt: isoTimestamp }),
  ),
  "incident.root_cause_set": defineAuditAction("incident", rootCauseCodes.nullable(), rootCauseCodes),
  "postmortem.root_cause_set": defineAuditAction("postmortem", rootCauseCodes.nullable(), rootCauseCodes),
  "regulatory_report.created": defineAuditAction(
    "regulatory_report",
    nothing,
    reportStep.extend({ incidentId: z.string(), correctsReportId: z.string().nullable(), dueAt: isoTimestamp.nullable() }),
  ),
  /** `fields`: the top-level content keys the merge changed */
  "regulatory_report.updated": defineAuditAction("regulatory_report", reportStep, reportStep.extend({ fields: z.array(z.string()) })),
  "regulatory_report.submitted_for_review": defineAuditAction("regulatory_report", reportStep, reportStep),
  "regulatory_report.approved": defineAuditAction("regulatory_report", reportStep, reportStep),
  "regulatory_report.reopened": defineAuditAction("regulatory_report", reportStep, reportStep),
  "regulatory_report.submitted": defineAuditAction(
    "regulatory_report",
    reportStep,
    reportStep.extend({ sha256: z.string(), authorityReference: z.string().nullable(), submittedAt: isoTimestamp }),
  ),
  "regulatory_report.exported": defineAuditAction(
    "regulatory_report",
    nothing,
    z.strictObject({ format: z.string(), status: z.string(), sha256: z.string(), contentSha256: z.string(), bytes: count }),
  ),

  // Knowledge: runbooks and imported history
  "runbook.created": defineAuditAction("runbook", nothing, runbookTitle),
  "runbook.updated": defineAuditAction("runbook", runbookTitle, runbookTitle.extend({ fields: z.array(z.string()) })),
  "runbook.deleted": defineAuditAction("runbook", runbookTitle, nothing),
  "runbook.step_ticked": defineAuditAction("timeline_event", nothing, runbookStep),
  "runbook.step_unticked": defineAuditAction("timeline_event", nothing, runbookStep),
  "runbook_source.synced": defineAuditAction("runbook_source", nothing, z.strictObject({ repository: z.string(), path: z.string(), ref: z.string().nullable() })),
  "incidents.imported": defineAuditAction("organization", nothing, z.strictObject({ imported: count, updated: count, failed: count })),

  // Catalogue
  "service.created": defineAuditAction("service", nothing, serviceView),
  "service.updated": defineAuditAction("service", serviceView, serviceView.extend({ remapped: z.strictObject({ changes: count, alerts: count }) })),
  "team.created": defineAuditAction("team", nothing, teamView),
  "team.updated": defineAuditAction("team", teamView, teamView),
  "team.slack_channel_set": defineAuditAction(
    "team",
    z.strictObject({ channel: z.string(), changes: z.boolean(), digestTime: z.string().nullable() }).nullable(),
    z.strictObject({ channel: z.string(), changes: z.boolean(), digestTime: z.string().nullable() }),
  ),
  "catalog.imported": defineAuditAction(
    "organization",
    nothing,
    z.strictObject({ source: z.string(), created: count, updated: count, unchanged: count, teamsCreated: count, skipped: count }),
  ),

  // Ingest: integrations, deliveries, correlation
  "integration.created": defineAuditAction("integration", nothing, integrationView),
  "integration.secret_set": defineAuditAction("integration", nothing, integrationView.extend({ secretSource: z.literal("sender") })),
  "integration.secret_rotated": defineAuditAction("integration", nothing, integrationView),
  // Slack's settings; the bot token and signing secret only as "changed", never their values.
  "integration.slack_configured": defineAuditAction("integration", slackSettings, slackSettings.extend({ botTokenChanged: z.boolean(), signingSecretChanged: z.boolean() })),
  "delivery.replayed": defineAuditAction(
    "webhook_delivery",
    nothing,
    z.strictObject({ replay: z.string(), status: z.string(), events: count, error: z.string().nullable() }),
  ),
  "correlation.settings_updated": defineAuditAction("correlation_settings", correlationSettings, correlationSettings),

  // Organisation settings and the audit trail itself
  "organization.created": defineAuditAction("organization", nothing, organizationView),
  "member.added": defineAuditAction("user", nothing, z.strictObject({ email: z.string(), role: storedEnum(ORG_ROLES) })),
  "api_key.created": defineAuditAction("api_key", nothing, apiKeyView),
  /** the client secret never goes into the audit trail */
  "sso.configured": defineAuditAction("organization", ssoSettings.nullable(), ssoSettings),
  /** every sign-in, by password or single sign-on; for SSO, the role the claim gave */
  "auth.signed_in": defineAuditAction(
    "user",
    nothing,
    z.strictObject({ method: z.enum(["password", "sso"]), email: z.string(), provider: z.string().nullable(), role: storedEnum(ORG_ROLES), previousRole: storedEnum(ORG_ROLES).nullable() }),
  ),
  "api_key.revoked": defineAuditAction("api_key", nothing, apiKeyView),
  /** neither the API token nor the routing key goes into the audit trail */
  "pagerduty_connection.set": defineAuditAction("pagerduty_connection", nothing, z.strictObject({ apiUrl: z.string(), eventsUrl: z.string(), routingKeySet: z.boolean() })),
  /** "Page on-call" from an incident: the page queued for PagerDuty */
  "page.triggered": defineAuditAction(
    "incident_page",
    nothing,
    z.strictObject({ incidentId: z.string(), service: z.string().nullable(), dedupKey: z.string(), summary: z.string() }),
  ),
  /** a page sent, failing (with the reason), acknowledged or resolved */
  "page.updated": defineAuditAction("incident_page", z.strictObject({ status: z.string() }), z.strictObject({ status: z.string(), error: z.string().nullable() })),
  /** the token itself never goes into the audit trail */
  /** the kubeconfig itself never goes into the audit trail */
  "cluster.registered": defineAuditAction(
    "kubernetes_cluster",
    nothing,
    z.strictObject({ name: z.string(), environment: z.string().nullable(), authMode: z.enum(["kubeconfig", "in_cluster"]), namespaces: z.array(z.string()) }),
  ),
  "cluster.deleted": defineAuditAction("kubernetes_cluster", z.strictObject({ name: z.string() }), nothing),
  "github_connection.set": defineAuditAction("github_connection", nothing, z.strictObject({ apiUrl: z.string(), account: z.string().nullable() })),
  "audit.exported": defineAuditAction(
    "audit_log",
    nothing,
    z.strictObject({ format: z.enum(["csv", "json"]), entries: count, from: isoTimestamp.nullable(), to: isoTimestamp.nullable() }),
  ),
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
type AuditActionSpec<A extends AuditAction> = (typeof AUDIT_ACTIONS)[A];

/** Every action, in catalogue order (for filters and docs). */
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as readonly AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * What a writer may hand over for a stored shape: the schema's input (Dates accepted where a
 * timestamp is stored), minus the catch-all of loose view schemas, so that view interfaces
 * (which have no index signature) fit while every named field keeps its type.
 */
type AuditJsonInput<T> = T extends Date
  ? T
  : T extends readonly (infer E)[]
    ? readonly AuditJsonInput<E>[]
    : T extends object
      ? { [K in keyof T as string extends K ? (unknown extends T[K] ? never : K) : K]: AuditJsonInput<T[K]> }
      : T;

/** A side nothing is written to may be left out (it is stored as null); any other must be given. */
type AuditSide<K extends "before" | "after", S extends z.ZodType> = null extends z.input<S>
  ? { [P in K]?: AuditJsonInput<z.input<S>> }
  : { [P in K]: AuditJsonInput<z.input<S>> };

/** The what of an audit entry, typed by its action. */
export type AuditChange<A extends AuditAction = AuditAction> = { action: A; targetType: AuditActionSpec<A>["targetType"] } & AuditSide<"before", AuditActionSpec<A>["before"]> &
  AuditSide<"after", AuditActionSpec<A>["after"]>;

// ---------------------------------------------------------------------------------------------
// Reading

/** An entry whose action is in the catalogue and whose JSON matches it. */
type KnownAuditEntry<A extends AuditAction = AuditAction> = {
  [K in A]: {
    action: K;
    targetType: AuditActionSpec<K>["targetType"];
    unknown: false;
    before: z.output<AuditActionSpec<K>["before"]>;
    after: z.output<AuditActionSpec<K>["after"]>;
  };
}[A];

/** An entry written by an action this catalogue does not know, or in a shape it does not describe (older rows): shown as stored. */
interface UnknownAuditEntry {
  action: string;
  targetType: string;
  unknown: true;
  before: unknown;
  after: unknown;
}

export type ParsedAuditEntry = KnownAuditEntry | UnknownAuditEntry;

/**
 * Reads a stored row's action and JSON back typed. Never throws: the chain must stay readable
 * and exportable whatever an old row holds, so anything that does not match is returned as
 * stored, marked unknown. A match returns the stored values themselves, not zod's copies, so
 * exports and screens show exactly what the chain hashed (key order included); that is sound
 * because no schema here transforms or defaults a JSON value (isoTimestamp converts Dates only).
 */
export function parseAuditEntry(row: { action: string; targetType: string; before: unknown; after: unknown }): ParsedAuditEntry {
  const stored: UnknownAuditEntry = { action: row.action, targetType: row.targetType, unknown: true, before: row.before ?? null, after: row.after ?? null };
  if (!isAuditAction(row.action)) return stored;
  const spec: { targetType: string; before: z.ZodType; after: z.ZodType } = AUDIT_ACTIONS[row.action];
  if (spec.targetType !== row.targetType) return stored;
  if (!spec.before.safeParse(stored.before).success || !spec.after.safeParse(stored.after).success) return stored;
  return { ...stored, unknown: false } as KnownAuditEntry;
}
