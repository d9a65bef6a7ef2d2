import { z } from "zod";
import { rollbackInput } from "@/lib/services/rollbacks/inputs";
import type { RollbackPreview, RollbackView } from "@/lib/services/rollbacks/views";
import { pageOnCallInput, setPagerDutyConnectionInput } from "@/lib/services/paging/inputs";
import type { OnCallAnswer, PageView, PagerDutyConnectionView, PagerDutyDirectoryView } from "@/lib/services/paging/views";
import { json, op, path, READ, ref, WRITE } from "./operations";

/**
 * Acting from the incident (API.md "Acting from the incident: rollback and paging"): revert
 * pull requests, who is on call, pages, the PagerDuty connection. Spread into document.ts's
 * `paths` and `schemas`; the response schemas are checked against the views at compile time.
 * 409 here also means: no GitHub or PagerDuty connection, a rollback already open, a branch
 * that exists, a resolved incident; 502: GitHub or PagerDuty answered with an error.
 */

const idOrRef = path("idOrRef", "incident id or reference such as INC-42");

const timestamp = z.string().describe("ISO 8601, UTC");
const conflict = z.object({ sha: z.string(), message: z.string(), url: z.string().nullable(), files: z.array(z.string()) });
const file = z.object({ path: z.string(), action: z.enum(["restore", "delete", "set_field"]) });
const strategy = z.enum(["revert", "tag_bump"]).describe("revert: files back to their state before the change; tag_bump: the image/tag field back to its previous value");

const rollbackSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  changeId: z.string().nullable(),
  status: z.enum(["opened", "merged", "closed", "refused"]),
  strategy,
  repository: z.string(),
  baseBranch: z.string(),
  pullRequest: z.object({ number: z.number().int(), url: z.string(), branch: z.string() }).nullable(),
  revertedCommits: z.array(z.string()),
  files: z.array(file),
  reason: z.string().nullable(),
  conflicts: z.array(conflict).describe("for a refusal: the later commits on the target branch that touched the same files"),
  reviewState: z.enum(["approved", "changes_requested", "commented"]).nullable(),
  reviewedBy: z.string().nullable(),
  mergeCommitSha: z.string().nullable(),
  appliedChangeId: z.string().nullable().describe("the Flux reconciliation (or deploy) that applied the merged revert"),
  appliedAt: timestamp.nullable(),
  requestedBy: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const previewSchema = z.object({
  changeId: z.string(),
  repository: z.string(),
  baseBranch: z.string(),
  branch: z.string().describe("logbook/revert-<sha7>-<incident ref>"),
  strategy,
  commits: z.array(z.object({ sha: z.string(), message: z.string(), url: z.string().nullable() })),
  files: z.array(file.extend({ diff: z.string().nullable().describe("the change's diff turned around: what the pull request will show") })),
  title: z.string(),
  refusal: z.string().nullable(),
  conflicts: z.array(conflict),
  manualRevertUrl: z.string().nullable(),
  reviewer: z.string().nullable().describe("the incident commander's GitHub login, when the GitHub connection maps it"),
});

const pageSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  service: z.string().nullable(),
  dedupKey: z.string(),
  status: z.enum(["queued", "triggered", "acknowledged", "resolving", "resolved"]),
  summary: z.string(),
  lastError: z.string().nullable().describe("the last failure sending to PagerDuty; the page is retried as a job"),
  lastErrorAt: timestamp.nullable(),
  attempts: z.number().int(),
  pagerdutyIncidentUrl: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: timestamp,
  triggeredAt: timestamp.nullable(),
  acknowledgedAt: timestamp.nullable(),
  resolvedAt: timestamp.nullable(),
});

const policy = z.object({ id: z.string(), name: z.string() });
const onCallSchema = z.object({
  items: z.array(
    z.object({ service: z.string(), escalationPolicy: policy, level: z.number().int(), user: z.object({ name: z.string(), email: z.string().nullable() }), start: timestamp.nullable(), end: timestamp.nullable() }),
  ),
  unmapped: z.array(z.string()).describe("affected services without an escalation policy"),
  error: z.string().nullable().describe("why PagerDuty could not be asked (not connected, token revoked, down); the incident is unaffected"),
  fetchedAt: timestamp.nullable(),
});
const connectionSchema = z.object({ connected: z.boolean(), apiUrl: z.string().nullable(), eventsUrl: z.string().nullable(), routingKeySet: z.boolean(), updatedAt: timestamp.nullable() });
const directorySchema = z.object({ services: z.array(z.object({ id: z.string(), name: z.string(), escalationPolicy: policy.nullable() })), escalationPolicies: z.array(policy) });

const items = (name: string) => ({ type: "object", properties: { items: { type: "array", items: ref(name) } }, required: ["items"] });

export const ACTING_PATHS = {
  "/api/v1/incidents/{idOrRef}/rollbacks": {
    get: op("The incident's rollbacks: revert pull requests and refusals, oldest first", { tag: "Rollbacks", ok: 200, errors: [...READ, 404], params: [idOrRef], response: items("Rollback") }),
    post: op("Roll a change back as a revert pull request (a new branch and one commit; never a push to the default branch, never a merge), or a refusal listing the later commits that overlap it", {
      tag: "Rollbacks",
      ok: 201,
      errors: [...WRITE, 404, 409, 502],
      params: [idOrRef],
      body: rollbackInput,
      response: ref("Rollback"),
    }),
  },
  "/api/v1/incidents/{idOrRef}/rollbacks/preview": {
    post: op("What rolling a change back would propose (repository, commits, files and diff, target branch), written nowhere", { tag: "Rollbacks", ok: 200, errors: [...WRITE, 404, 409, 502], params: [idOrRef], body: rollbackInput, response: ref("RollbackPreview") }),
  },
  "/api/v1/incidents/{idOrRef}/on-call": {
    get: op("Who is on call now for the affected services (levels 1 and 2, until when), from PagerDuty, kept a minute", { tag: "Paging", ok: 200, errors: [...READ, 404], params: [idOrRef], response: ref("OnCall") }),
  },
  "/api/v1/incidents/{idOrRef}/pages": {
    get: op("The incident's pages with their state in PagerDuty and last failure", { tag: "Paging", ok: 200, errors: [...READ, 404], params: [idOrRef], response: items("IncidentPage") }),
    post: op("Page on-call: a PagerDuty trigger with a dedup key bound to the incident and service (the same page again while open); resolved with the incident", {
      tag: "Paging",
      ok: 201,
      errors: [...WRITE, 404, 409],
      params: [idOrRef],
      body: pageOnCallInput,
      response: ref("IncidentPage"),
    }),
  },
  "/api/v1/pagerduty-connection": {
    get: op("The organisation's PagerDuty connection (never the token or routing key)", { tag: "Settings", ok: 200, errors: READ, response: ref("PagerDutyConnection") }),
    put: op("Connect PagerDuty: a REST API token, an Events API v2 routing key, and base URLs (EU accounts, test servers)", { tag: "Settings", ok: 200, errors: WRITE, body: setPagerDutyConnectionInput, response: ref("PagerDutyConnection") }),
  },
  "/api/v1/pagerduty-connection/directory": {
    get: op("PagerDuty's services and escalation policies, to map Logbook services to", { tag: "Settings", ok: 200, errors: [...READ, 409, 502], response: ref("PagerDutyDirectory") }),
  },
};

export const ACTING_SCHEMAS = {
  Rollback: json(rollbackSchema),
  RollbackPreview: json(previewSchema),
  IncidentPage: json(pageSchema),
  OnCall: json(onCallSchema),
  PagerDutyConnection: json(connectionSchema),
  PagerDutyDirectory: json(directorySchema),
};

type Assignable<A, B extends A> = B;
// Compile-time only: each view must satisfy the schema stated for it.
type _ActingViewsMatchSchemas = [
  Assignable<z.infer<typeof rollbackSchema>, RollbackView>,
  Assignable<z.infer<typeof previewSchema>, RollbackPreview>,
  Assignable<z.infer<typeof pageSchema>, PageView>,
  Assignable<z.infer<typeof onCallSchema>, OnCallAnswer>,
  Assignable<z.infer<typeof connectionSchema>, PagerDutyConnectionView>,
  Assignable<z.infer<typeof directorySchema>, PagerDutyDirectoryView>,
];
