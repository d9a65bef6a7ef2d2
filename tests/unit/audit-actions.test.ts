import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AUDIT_ACTION_NAMES,
  AUDIT_ACTIONS,
  isAuditAction,
  parseAuditEntry,
  type AuditAction,
  type AuditChange,
  type ParsedAuditEntry,
} from "@/lib/core/audit-actions";

const AT = "2026-11-30T09:15:00.000Z";
const LATER = "2026-11-30T10:02:31.412Z";
const person = { id: "user-ana", name: "Ana Ops", email: "ana@example.com" };

/** Shaped like the views in lib/services: interfaces, which have no index signature. */
interface IncidentViewLike {
  id: string;
  ref: string;
  title: string;
  summary: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  status: "triggered" | "investigating" | "identified" | "monitoring" | "resolved" | "closed";
  services: string[];
  occurredAt: string | null;
  detectedAt: string | null;
  awareAt: string | null;
  classifiedAt: string | null;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  externalId: string | null;
  roles: Partial<Record<"commander" | "communications" | "scribe", { id: string; name: string; email: string }>>;
}

const incident: IncidentViewLike = {
  id: "inc-1",
  ref: "INC-42",
  title: "Checkout errors",
  summary: "5xx on /pay",
  severity: "SEV2",
  status: "investigating",
  services: ["checkout", "payments"],
  occurredAt: AT,
  detectedAt: AT,
  awareAt: null,
  classifiedAt: null,
  acknowledgedAt: LATER,
  mitigatedAt: null,
  resolvedAt: null,
  closedAt: null,
  createdAt: AT,
  updatedAt: LATER,
  externalId: null,
  roles: { commander: person },
};

const service = {
  id: "svc-1",
  slug: "checkout",
  name: "Checkout",
  description: null,
  team: "payments",
  tier: 1,
  supportsCriticalFunction: true,
  labels: { app: "checkout" },
  repositories: ["acme/checkout"],
  mappings: { namespaces: ["shop"], fluxObjects: [], argoApplications: ["checkout-prod"] },
  createdAt: AT,
  updatedAt: LATER,
};
const integration = { id: "int-1", kind: "alertmanager", name: "Prod Alertmanager", url: "https://logbook.example.com/api/ingest/int-1", createdAt: AT, secretRotatedAt: LATER, lastDeliveryAt: null };
const apiKey = { id: "key-1", name: "CI", role: "responder", prefix: "lbk_AbCdEfGh", createdBy: "Ana Ops", createdAt: AT, lastUsedAt: null, revokedAt: null };
const rule = { name: "Critical or paging alerts declare an incident", matchLabels: { severity: ["critical", "page"] }, declare: true, severity: "SEV2" as const };

/** One realistic write per action, as its verb passes it to recordAudit (Dates where verbs hand over Dates). */
const REPORT_STEP = (status: string) => ({ status, regime: "dora", type: "initial" });

const WRITES: { [A in AuditAction]: Omit<AuditChange<A>, "action"> } = {
  "incident.declared": { targetType: "incident", after: incident },
  "incident.imported": { targetType: "incident", after: { ...incident, status: "resolved", resolvedAt: LATER } },
  "incident.updated": { targetType: "incident", before: { title: "Checkout errors", roles: {} }, after: { title: "Checkout 5xx", roles: { commander: person } } },
  "incident.status_changed": { targetType: "incident", before: { status: "investigating", mitigatedAt: null }, after: { status: "monitoring", mitigatedAt: LATER } },
  "incident.note_added": { targetType: "timeline_event", after: { incidentId: "inc-1", body: "Rolled back 1.4.2", highlighted: false } },
  "incident.note_edited": { targetType: "timeline_event", before: { body: "Rolled back", highlighted: false, version: 1 }, after: { body: "Rolled back 1.4.2", highlighted: false, version: 2 } },
  "incident.event_highlighted": { targetType: "timeline_event", before: { body: null, highlighted: false, version: 1 }, after: { body: null, highlighted: true, version: 1 } },
  "incident.change_marked": { targetType: "incident", before: { changeId: "chg-1", mark: null }, after: { changeId: "chg-1", mark: "culprit" } },
  "incident.slack_message_captured": {
    targetType: "timeline_event",
    after: { incidentId: "inc-1", channelId: "C0INC42", ts: "1764669600.000100", via: "reaction", author: { type: "slack_user", id: "T0ACME:U0VENDOR", label: "Vendor Vic (Slack)" }, files: 1, replies: 2 },
  },
  "incident.slack_message_edited": { targetType: "timeline_event", before: { text: "db at 90%", version: 1 }, after: { text: "db at 95%", version: 2 } },
  "incident.slack_message_deleted": { targetType: "timeline_event", after: { incidentId: "inc-1", channelId: "C0INC42", ts: "1764669600.000100" } },
  "incident.slack_backfilled": { targetType: "incident", after: { channelId: "C0INC42", imported: 12, skipped: 3 } },
  "incident.slack_channel_connected": { targetType: "incident", after: { channelId: "C0WARROOM", channelName: "payments-war-room" } },
  "rollback.opened": {
    targetType: "rollback",
    after: {
      incidentId: "inc-1",
      changeId: "chg-1",
      repository: "acme/gitops",
      branch: "logbook/revert-a1b2c3d-inc-42",
      baseBranch: "main",
      strategy: "revert",
      commits: ["a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"],
      files: ["apps/checkout/config.yaml"],
      pullRequest: 7,
      url: "https://github.com/acme/gitops/pull/7",
      reviewers: ["ana-ops"],
    },
  },
  "rollback.refused": { targetType: "rollback", after: { incidentId: "inc-1", changeId: "chg-1", repository: "acme/gitops", reason: "Later commits on main touched the same files", conflicts: ["b2c3d4e"] } },
  "rollback.pull_request_updated": { targetType: "rollback", before: { status: "opened", reviewState: null }, after: { status: "merged", reviewState: "approved", mergeCommitSha: "c3d4e5f", source: "webhook" } },
  "rollback.applied": { targetType: "rollback", after: { changeId: "chg-2", revision: "c3d4e5f", kind: "reconcile_succeeded" } },
  "alert.attached": { targetType: "alert", before: { incidentId: null, routing: "Triage: no rule matched." }, after: { incidentId: "inc-1", routing: "Attached by hand to INC-42 by Ana Ops." } },
  "alert.detached": { targetType: "alert", before: { incidentId: "inc-1", routing: null }, after: { incidentId: null, routing: "Triage: Detached by hand from INC-42 by Ana Ops." } },
  "alert.resolved": {
    targetType: "alert",
    before: { incidentId: "inc-1", status: "firing", endsAt: null },
    after: { incidentId: "inc-1", status: "resolved", endsAt: LATER, resolvedBy: "Ana Ops" },
  },
  "postmortem.created": { targetType: "postmortem", after: { incidentId: "inc-1", template: "standard", status: "draft", revision: 1 } },
  "postmortem.submitted": { targetType: "postmortem", before: { status: "draft", revision: 1 }, after: { status: "in_review", revision: 1 } },
  "reporting_entity.updated": {
    targetType: "reporting_entity",
    before: null,
    after: { name: "Demo Bank A/S", entityType: "credit_institution", country: "DK", competentAuthority: "Finanstilsynet" },
  },
  "incident.classified": {
    targetType: "regulatory_classification",
    after: { incidentId: "inc-1", regime: "dora", major: true, criteriaMet: ["clients_affected", "duration"], criteria: { criticalServicesAffected: true, clientsAffected: 150000 }, classifiedAt: AT },
  },
  "incident.root_cause_set": { targetType: "incident", before: null, after: { categories: ["system_failure"], details: ["software"], additional: [], other: null } },
  "postmortem.root_cause_set": {
    targetType: "postmortem",
    before: { categories: [], details: [], additional: [] },
    after: { categories: ["process_failure"], details: ["change_management"], additional: [], other: "Change window ignored" },
  },
  "regulatory_report.created": { targetType: "regulatory_report", after: { ...REPORT_STEP("draft"), incidentId: "inc-1", correctsReportId: null, dueAt: AT } },
  "regulatory_report.updated": { targetType: "regulatory_report", before: REPORT_STEP("draft"), after: { ...REPORT_STEP("draft"), fields: ["incident"] } },
  "regulatory_report.submitted_for_review": { targetType: "regulatory_report", before: REPORT_STEP("draft"), after: REPORT_STEP("in_review") },
  "regulatory_report.approved": { targetType: "regulatory_report", before: REPORT_STEP("in_review"), after: REPORT_STEP("approved") },
  "regulatory_report.reopened": { targetType: "regulatory_report", before: REPORT_STEP("approved"), after: REPORT_STEP("draft") },
  "regulatory_report.submitted": {
    targetType: "regulatory_report",
    before: REPORT_STEP("approved"),
    after: { ...REPORT_STEP("submitted"), sha256: "ab".repeat(32), authorityReference: "FT-2026-0042", submittedAt: AT },
  },
  "regulatory_report.exported": { targetType: "regulatory_report", after: { format: "json", status: "submitted", sha256: "cd".repeat(32), contentSha256: "ab".repeat(32), bytes: 5120 } },
  "cluster.registered": { targetType: "kubernetes_cluster", after: { name: "prod-eu-1", environment: "production", authMode: "kubeconfig", namespaces: ["payments", "ledger"] } },
  "cluster.deleted": { targetType: "kubernetes_cluster", before: { name: "prod-eu-1" }, after: null },
  "postmortem.approved": { targetType: "postmortem", before: { status: "in_review", revision: 1 }, after: { status: "approved", revision: 1, approvals: 2, required: 2 } },
  "postmortem.published": { targetType: "postmortem", before: { status: "approved", revision: 1 }, after: { status: "published", revision: 1, sha256: "a".repeat(64) } },
  "postmortem.reopened": { targetType: "postmortem", before: { status: "published", revision: 1 }, after: { status: "draft", revision: 2 } },
  "postmortem.exported": {
    targetType: "postmortem",
    after: { format: "pdf", revision: 1, published: true, sha256: "b".repeat(64), contentSha256: "a".repeat(64), bytes: 48_213 },
  },
  "postmortem.authors_added": { targetType: "postmortem", before: { authorIds: ["user-ana"] }, after: { authorIds: ["user-ana", "user-bo"] } },
  "postmortem.approvals_cleared": { targetType: "postmortem", before: { approvals: ["user-cy"] }, after: { approvals: [], reason: "edited while in review" } },
  "postmortem_template.updated": { targetType: "postmortem_template", before: { name: "Standard", customised: false }, after: { name: "Standard (ACME)" } },
  "action_item.created": { targetType: "action_item", after: { incidentId: "inc-1", title: "Alert on error budget", ownerId: null, dueDate: "2026-12-15", priority: "P2" } },
  "action_item.updated": { targetType: "action_item", before: { owner: null, dueDate: null }, after: { owner: "user-bo", dueDate: "2026-12-31" } },
  "action_item.github_issue_created": { targetType: "action_item", after: { repository: "acme/checkout", number: 812, url: "https://github.com/acme/checkout/issues/812" } },
  "runbook.created": { targetType: "runbook", after: { title: "Checkout 5xx" } },
  "runbook.updated": { targetType: "runbook", before: { title: "Checkout 5xx" }, after: { title: "Checkout errors", fields: ["title", "body"] } },
  "runbook.deleted": { targetType: "runbook", before: { title: "Checkout errors" } },
  "runbook.step_ticked": { targetType: "timeline_event", after: { incidentId: "inc-1", runbookId: "rb-1", step: 2 } },
  "runbook.step_unticked": { targetType: "timeline_event", after: { incidentId: "inc-1", runbookId: "rb-1", step: 2 } },
  "runbook_source.synced": { targetType: "runbook_source", after: { repository: "acme/runbooks", path: "checkout", ref: null } },
  "incidents.imported": { targetType: "organization", after: { imported: 120, updated: 3, failed: 1 } },
  "service.created": { targetType: "service", after: service },
  "service.updated": { targetType: "service", before: service, after: { ...service, tier: 2, remapped: { changes: 4, alerts: 1 } } },
  "team.created": { targetType: "team", after: { id: "team-1", slug: "payments", name: "Payments", description: null, services: [], timeZone: "Europe/Oslo", workingHours: { start: "08:00", end: "16:00", days: [1, 2, 3, 4, 5] }, createdAt: AT } },
  "team.updated": {
    targetType: "team",
    before: { id: "team-1", slug: "payments", name: "Payments", description: null, services: ["payments-api"], timeZone: "UTC", workingHours: { start: "09:00", end: "17:00", days: [1, 2, 3, 4, 5] }, createdAt: AT },
    after: { id: "team-1", slug: "payments", name: "Payments", description: null, services: ["payments-api"], timeZone: "Europe/Oslo", workingHours: { start: "08:00", end: "16:00", days: [1, 2, 3, 4, 5, 6] }, createdAt: AT },
  },
  "sso.configured": { targetType: "organization", before: null, after: { issuer: "https://idp.example/realms/bank", clientId: "logbook", providerId: "logbook-demo", roleClaim: "groups", roleMapping: { "logbook-admins": "admin" }, defaultRole: "viewer", passwordSignInDisabled: true } },
  "auth.signed_in": { targetType: "user", after: { method: "sso", email: "dana@bank.example", provider: "https://idp.example/realms/bank", role: "admin", previousRole: "viewer" } },
  "catalog.imported": { targetType: "organization", after: { source: "https://backstage.example/api/catalog/entities", created: 4, updated: 1, unchanged: 7, teamsCreated: 2, skipped: 1 } },
  "integration.created": { targetType: "integration", after: integration },
  "integration.secret_set": { targetType: "integration", after: { ...integration, secretSource: "sender" } },
  "integration.secret_rotated": { targetType: "integration", after: { ...integration, secretRotatedAt: "2026-12-01T08:00:00.000Z" } },
  "integration.slack_configured": {
    targetType: "integration",
    before: { teamId: null, announceChannel: null, channelNameTemplate: "inc-{ref}-{title}", archiveAfterDays: 7, echo: { note: true }, captureEmoji: "pushpin" },
    after: { teamId: "T0ACME", announceChannel: "C0ANNOUNCE", channelNameTemplate: "inc-{ref}-{title}", archiveAfterDays: 3, echo: { note: true, status_change: false }, captureEmoji: "pushpin", botTokenChanged: true, signingSecretChanged: true },
  },
  "team.slack_channel_set": { targetType: "team", before: null, after: { channel: "C0PAYMENTS", changes: true, digestTime: "09:00" } },
  "delivery.replayed": { targetType: "webhook_delivery", after: { replay: "del-2", status: "accepted", events: 3, error: null } },
  "correlation.settings_updated": {
    targetType: "correlation_settings",
    before: { rules: [rule], groupingWindowMinutes: 10 },
    after: { rules: [rule, { ...rule, name: "Warnings wait in triage", declare: false }], groupingWindowMinutes: 15 },
  },
  "organization.created": { targetType: "organization", after: { id: "org-1", slug: "acme", name: "ACME", createdAt: AT } },
  "member.added": { targetType: "user", after: { email: "bo@example.com", role: "editor" } },
  "api_key.created": { targetType: "api_key", after: apiKey },
  "api_key.revoked": { targetType: "api_key", after: { ...apiKey, revokedAt: LATER } },
  "pagerduty_connection.set": { targetType: "pagerduty_connection", after: { apiUrl: "https://api.pagerduty.com", eventsUrl: "https://events.pagerduty.com", routingKeySet: true } },
  "page.triggered": { targetType: "incident_page", after: { incidentId: "inc-1", service: "checkout", dedupKey: "logbook/inc-1/checkout", summary: "INC-42 SEV2: Checkout 5xx" } },
  "page.updated": { targetType: "incident_page", before: { status: "queued" }, after: { status: "queued", error: "PagerDuty is unavailable (503); retrying." } },
  "github_connection.set": { targetType: "github_connection", after: { apiUrl: "https://api.github.com", account: "acme-bot" } },
  "audit.exported": { targetType: "audit_log", after: { format: "csv", entries: 250, from: new Date(AT), to: null } },
};

/** What recordAudit stores: the JSON round trip, with a side left out stored as null. */
function stored(action: string, write: { targetType: string; before?: unknown; after?: unknown }) {
  const json = (value: unknown) => (value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown));
  return { action, targetType: write.targetType, before: json(write.before), after: json(write.after) };
}

describe("the audit action catalogue", () => {
  it("names every action once, and each has a realistic write in this test", () => {
    expect(new Set(AUDIT_ACTION_NAMES).size).toBe(AUDIT_ACTION_NAMES.length);
    expect(Object.keys(WRITES).sort()).toEqual([...AUDIT_ACTION_NAMES].sort());
    for (const action of AUDIT_ACTION_NAMES) expect(isAuditAction(action)).toBe(true);
    for (const name of ["incident.declare", "", "constructor", "__proto__", "toString"]) expect(isAuditAction(name)).toBe(false);
  });

  it.each(AUDIT_ACTION_NAMES)("%s round-trips through the stored JSON and parses back typed", (action) => {
    const row = stored(action, WRITES[action]);
    const entry = parseAuditEntry(row);
    expect(entry).toEqual({ action, targetType: AUDIT_ACTIONS[action].targetType, unknown: false, before: row.before, after: row.after });
    // The stored values themselves come back, so an export shows exactly what the chain hashed.
    expect(entry.before).toBe(row.before);
    expect(entry.after).toBe(row.after);
  });

  it("stores a Date handed over for a timestamp as its ISO string", () => {
    const row = stored("audit.exported", WRITES["audit.exported"]);
    expect(row.after).toEqual({ format: "csv", entries: 250, from: AT, to: null });
    const entry = parseAuditEntry(row);
    if (entry.unknown || entry.action !== "audit.exported") throw new Error(`expected a typed audit.exported, got ${JSON.stringify(entry)}`);
    expect(entry.after.from).toBe(AT);
    expectTypeOf(entry.after.from).toEqualTypeOf<string | null>();
  });

  it("narrows by action to the stored shape", () => {
    const entry: ParsedAuditEntry = parseAuditEntry(stored("incident.declared", WRITES["incident.declared"]));
    if (entry.unknown) throw new Error("expected incident.declared to parse");
    expectTypeOf(entry.action).toEqualTypeOf<AuditAction>();
    if (entry.action !== "incident.declared") throw new Error(`unexpected ${entry.action}`);
    expectTypeOf(entry.before).toEqualTypeOf<null>();
    expectTypeOf(entry.after.ref).toEqualTypeOf<string>();
    expectTypeOf(entry.after.severity).toEqualTypeOf<"SEV1" | "SEV2" | "SEV3" | "SEV4">();
    expect(entry.after.ref).toBe("INC-42");
    expect(entry.after.roles.commander?.email).toBe("ana@example.com");
  });

  it("keeps fields a view snapshot carried that the catalogue does not name", () => {
    const row = stored("service.created", { targetType: "service", after: { ...service, ownerSlack: "#payments" } });
    const entry = parseAuditEntry(row);
    expect(entry.unknown).toBe(false);
    expect(entry.after).toMatchObject({ slug: "checkout", ownerSlack: "#payments" });
  });

  describe("rows it cannot type come back as stored, marked unknown, without throwing", () => {
    const unknownEntry = (row: { action: string; targetType: string; before: unknown; after: unknown }) => ({
      action: row.action,
      targetType: row.targetType,
      unknown: true,
      before: row.before ?? null,
      after: row.after ?? null,
    });

    it.each([
      ["an action the catalogue does not know", { action: "incident.exploded", targetType: "incident", before: null, after: { id: "inc-1" } }],
      ["an inherited property name as the action", { action: "constructor", targetType: "incident", before: null, after: null }],
      ["a view missing a field", { action: "incident.declared", targetType: "incident", before: null, after: { id: "inc-1", title: "No ref" } }],
      ["a field of the wrong type", { action: "runbook.step_ticked", targetType: "timeline_event", before: null, after: { incidentId: "inc-1", runbookId: "rb-1", step: "2" } }],
      ["a value outside a lib/core enum", { action: "member.added", targetType: "user", before: null, after: { email: "bo@example.com", role: "owner" } }],
      ["a timestamp that is not ISO 8601", { action: "audit.exported", targetType: "audit_log", before: null, after: { format: "csv", entries: 1, from: "yesterday", to: null } }],
      ["a field a hand-written shape does not have", { action: "runbook.created", targetType: "runbook", before: null, after: { title: "Checkout", body: "…" } }],
      ["a before where nothing is written", { action: "team.created", targetType: "team", before: { slug: "payments" }, after: WRITES["team.created"].after }],
      ["a different target type", { action: "runbook.created", targetType: "incident", before: null, after: { title: "Checkout" } }],
      ["a status change without the status", { action: "incident.status_changed", targetType: "incident", before: { title: "a" }, after: { title: "b" } }],
      ["JSON that is not an object", { action: "postmortem.submitted", targetType: "postmortem", before: "draft", after: ["in_review"] }],
      ["missing before/after columns", { action: "runbook.updated", targetType: "runbook", before: undefined, after: undefined }],
    ])("%s", (_name, row) => {
      let entry: ParsedAuditEntry | undefined;
      expect(() => (entry = parseAuditEntry(row))).not.toThrow();
      expect(entry).toEqual(unknownEntry(row));
    });
  });
});

describe("AuditChange (compile-time: tsc checks these)", () => {
  it("refuses a misspelled action, a wrong target type and a missing key field", () => {
    // @ts-expect-error "incident.declare" is not an audit action
    const misspelled: AuditChange = { action: "incident.declare", targetType: "incident", after: incident };
    // @ts-expect-error nor as the type argument
    const misspelledArgument: AuditChange<"runbook.create"> | null = null;
    // @ts-expect-error runbooks are not incidents
    const wrongTarget: AuditChange<"runbook.created"> = { action: "runbook.created", targetType: "incident", after: { title: "Checkout" } };
    const { ref: _ref, ...withoutRef } = incident;
    // @ts-expect-error the view snapshot lacks `ref`
    const missingField: AuditChange<"incident.declared"> = { action: "incident.declared", targetType: "incident", after: withoutRef };
    // @ts-expect-error incident.declared always writes its after side
    const missingAfter: AuditChange<"incident.declared"> = { action: "incident.declared", targetType: "incident" };
    expect([misspelled, misspelledArgument, wrongTarget, missingField, missingAfter]).toHaveLength(5);
  });

  it("accepts what the verbs pass: view interfaces, Dates, diffs built as records, computed actions", () => {
    const declared: AuditChange<"incident.declared"> = { action: "incident.declared", targetType: "incident", after: incident };
    const exported: AuditChange<"audit.exported"> = { action: "audit.exported", targetType: "audit_log", after: { format: "json", entries: 0, from: new Date(), to: null } };
    const diff: Record<string, unknown> = { title: "Checkout 5xx" };
    const statusMoved = Math.random() > 2;
    const updated: AuditChange<"incident.status_changed" | "incident.updated"> = {
      action: statusMoved ? "incident.status_changed" : "incident.updated",
      targetType: "incident",
      before: diff,
      after: diff,
    };
    const deleted: AuditChange<"runbook.deleted"> = { action: "runbook.deleted", targetType: "runbook", before: { title: "Checkout" } };
    expect([declared, exported, updated, deleted].map((change) => change.action)).toEqual(["incident.declared", "audit.exported", "incident.updated", "runbook.deleted"]);
  });
});
