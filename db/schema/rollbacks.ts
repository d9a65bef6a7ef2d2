import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { incident } from "./incidents";
import { changeEvent } from "./ingest";

/** A file a revert restores: back to its blob before the change, deleted (it was added), or a tag field set back. */
export interface RollbackFile {
  path: string;
  action: "restore" | "delete" | "set_field";
}

/** A later commit on the target branch that touched a file the change touched: the reason a revert is refused. */
export interface RollbackConflict {
  sha: string;
  message: string;
  url: string | null;
  files: string[];
}

/**
 * A proposed rollback of a change: a revert pull request opened through the GitHub
 * connection (never a push to the default branch), or the refusal and its conflicts.
 */
export const rollback = pgTable(
  "rollback",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    changeId: text("change_id").references(() => changeEvent.id, { onDelete: "set null" }),
    repository: text("repository").notNull(),
    /** the branch the pull request asks to merge into (the repository's default branch) */
    baseBranch: text("base_branch").notNull(),
    /** logbook/revert-<sha7>-<incident ref> */
    branch: text("branch").notNull(),
    revertedCommits: jsonb("reverted_commits").$type<string[]>().notNull(),
    /** revert (files back to their state before) or tag_bump (the image/tag field back to its previous value) */
    strategy: text("strategy").notNull(),
    files: jsonb("files").$type<RollbackFile[]>().notNull().default(sql`'[]'::jsonb`),
    /** opened | merged | closed | refused */
    status: text("status").notNull(),
    /** the latest review: approved | changes_requested | commented */
    reviewState: text("review_state"),
    reviewedBy: text("reviewed_by"),
    reason: text("reason"),
    conflicts: jsonb("conflicts").$type<RollbackConflict[]>().notNull().default(sql`'[]'::jsonb`),
    pullRequestNumber: integer("pull_request_number"),
    pullRequestUrl: text("pull_request_url"),
    revertCommitSha: text("revert_commit_sha"),
    mergeCommitSha: text("merge_commit_sha"),
    /** the change (a Flux reconciliation, a deploy) that applied the merged revert */
    appliedChangeId: text("applied_change_id").references(() => changeEvent.id, { onDelete: "set null" }),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    requestedBy: text("requested_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    checkedAt: timestamp("checked_at", { withTimezone: true }),
  },
  (t) => [
    index("rollback_incident_idx").on(t.incidentId, t.createdAt),
    uniqueIndex("rollback_pull_request_uq").on(t.organizationId, t.repository, t.pullRequestNumber).where(sql`pull_request_number is not null`),
    // The periodic check and the Flux link read the rollbacks still in flight.
    index("rollback_org_status_idx").on(t.organizationId, t.status),
  ],
);
