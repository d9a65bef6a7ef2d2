import { z } from "zod";
import { issueCollabTokenInput } from "@/lib/auth/collab-token";
import { createActionItemInput, createGitHubIssueInput, listActionItemsQuery, updateActionItemInput } from "@/lib/services/action-items/inputs";
import { setGitHubConnectionInput } from "@/lib/services/github-connection/inputs";
import { importItemSchema, similarIncidentsQuery, similarityFeedbackInput, similarTextInput } from "@/lib/services/knowledge/inputs";
import { createRunbookInput, syncRunbooksInput, tickStepInput, updateRunbookInput } from "@/lib/services/runbooks/inputs";
import { searchInput } from "@/lib/services/search/inputs";
import type { ImportResult } from "@/lib/services/knowledge/views";
import { json, op, path, query, queryOf, READ, WRITE } from "./operations";

const importResultSchema = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  failed: z.array(z.object({ index: z.number().int(), error: z.string() })),
  titled: z
    .array(z.object({ index: z.number().int(), externalId: z.string(), title: z.string(), source: z.enum(["postmortem heading", "first sentence"]) }))
    .describe("items sent without a title, with the title they were given and where it came from"),
});
type Assignable<A, B extends A> = B;
// Compile-time only: the view must satisfy the schema stated for it.
type _ImportResultMatchesSchema = Assignable<z.infer<typeof importResultSchema>, ImportResult>;

/**
 * The workbench's routes beyond incidents and ingest: runbooks, knowledge search and similar
 * incidents, imports, action items and their GitHub issues, the live stream and the
 * collaboration token. Spread into document.ts's `paths`; bodies and query parameters come
 * from the zod schemas the verbs validate with.
 */

const idOrRef = path("idOrRef", "incident id or reference such as INC-42");
const id = (what: string) => path("id", `${what} id`);

export const WORKBENCH_PATHS = {
  "/api/v1/runbooks": {
    get: op("Runbooks, by title", { tag: "Runbooks", ok: 200, errors: READ, params: [query("q", "part of the title"), query("service", "service slug")] }),
    post: op("Write a runbook in Logbook", { tag: "Runbooks", ok: 201, errors: [...WRITE, 409], body: createRunbookInput }),
  },
  "/api/v1/runbooks/{id}": {
    get: op("A runbook with its Markdown and checklist steps", { tag: "Runbooks", ok: 200, errors: [...READ, 404], params: [id("runbook")] }),
    patch: op("Edit a runbook written in Logbook (synced ones change at their source)", { tag: "Runbooks", ok: 200, errors: [...WRITE, 404, 409], params: [id("runbook")], body: updateRunbookInput }),
    delete: op("Delete a runbook", { tag: "Runbooks", ok: 200, errors: [...READ, 404], params: [id("runbook")] }),
  },
  "/api/v1/runbooks/sources": { get: op("The GitHub repositories runbooks are synced from, with their last sync", { tag: "Runbooks", ok: 200, errors: READ }) },
  "/api/v1/runbooks/sync": { post: op("Sync the Markdown runbooks of a GitHub repository (path and ref optional)", { tag: "Runbooks", ok: 200, errors: [...WRITE, 502], body: syncRunbooksInput }) },
  "/api/v1/incidents/{idOrRef}/runbooks": { get: op("Runbooks for the incident's services and alerts, with the steps ticked so far", { tag: "Runbooks", ok: 200, errors: [...READ, 404], params: [idOrRef] }) },
  "/api/v1/incidents/{idOrRef}/runbook-steps": { post: op("Tick or untick a runbook step during the incident (lands on the timeline)", { tag: "Runbooks", ok: 200, errors: [...WRITE, 404], params: [idOrRef], body: tickStepInput }) },
  "/api/v1/search": { get: op("Search incidents, postmortems, runbooks and timeline notes, best first, with highlights", { tag: "Knowledge", ok: 200, errors: [...READ, 422], params: queryOf(searchInput) }) },
  "/api/v1/incidents/{idOrRef}/similar": { get: op("Past incidents like this one, best first, each with why", { tag: "Knowledge", ok: 200, errors: [...READ, 404, 422], params: [idOrRef, ...queryOf(similarIncidentsQuery)] }) },
  "/api/v1/incidents/{idOrRef}/similar/{otherId}/feedback": {
    post: op("Say whether a suggested similar incident helped", { tag: "Knowledge", ok: 200, errors: [...WRITE, 404], params: [idOrRef, path("otherId", "the suggested incident's id")], body: similarityFeedbackInput }),
  },
  "/api/v1/similar": { post: op("Past incidents like a piece of text (a title and summary being written)", { tag: "Knowledge", ok: 200, errors: WRITE, body: similarTextInput }) },
  "/api/v1/import/incidents": {
    post: op(
      "Import past incidents and their postmortems: a JSON array, or NDJSON (application/x-ndjson), up to 10 MiB; each item succeeds or fails on its own. An item without a title takes its postmortem's first heading, else the first sentence of its summary or postmortem, and is listed in `titled`",
      {
        tag: "Knowledge",
        ok: 200,
        errors: WRITE,
        body: z.array(importItemSchema.extend({ title: importItemSchema.shape.title.optional() })),
        response: json(importResultSchema),
      },
    ),
  },
  "/api/v1/action-items": { get: op("The organisation's action items, overdue first", { tag: "Action items", ok: 200, errors: [...READ, 422], params: queryOf(listActionItemsQuery) }) },
  "/api/v1/action-items/{id}": { patch: op("Change an action item's title, owner, due date or status", { tag: "Action items", ok: 200, errors: [...WRITE, 404, 409], params: [id("action item")], body: updateActionItemInput }) },
  "/api/v1/action-items/{id}/github-issue": {
    post: op("Open a GitHub issue for the action item (in the incident's first service repository unless named)", {
      tag: "Action items",
      ok: 201,
      errors: [...WRITE, 404, 409, 502],
      params: [id("action item")],
      body: createGitHubIssueInput,
      bodyOptional: true,
    }),
  },
  "/api/v1/action-items/sync": { post: op("Bring the state of linked GitHub issues into their action items now", { tag: "Action items", ok: 200, errors: [...READ, 502] }) },
  "/api/v1/incidents/{idOrRef}/action-items": {
    get: op("The incident's action items", { tag: "Action items", ok: 200, errors: [...READ, 404], params: [idOrRef] }),
    post: op("Add an action item to the incident", { tag: "Action items", ok: 201, errors: [...WRITE, 404], params: [idOrRef], body: createActionItemInput }),
  },
  "/api/v1/github-connection": {
    get: op("The organisation's GitHub connection (never the token)", { tag: "Settings", ok: 200, errors: READ }),
    put: op("Connect GitHub with a token and an API base URL (GitHub Enterprise too)", { tag: "Settings", ok: 200, errors: WRITE, body: setGitHubConnectionInput }),
  },
  "/api/v1/live": {
    get: op("Server-Sent Events: the organisation's changes as they commit (event type = what changed, data = its id)", { tag: "Live", ok: 200, errors: READ, content: "text/event-stream" }),
  },
  "/api/v1/collab-token": {
    post: op("A short-lived token for collaborative editing of one postmortem over WebSocket (/collab); signed-in users only", { tag: "Postmortems", ok: 200, errors: [...WRITE, 404], body: issueCollabTokenInput }),
  },
};
