import { and, eq, or } from "drizzle-orm";
import { runbook, team } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { NotFoundError, ValidationError } from "../errors";
import type { RunbookRow } from "./views";

export const RESYNC_EVERY_MS = 60 * 60_000;
const MAX_BACKOFF_MS = 24 * 60 * 60_000;

/** The organisation's runbook, or 404. */
export async function findRunbook(db: Queryable, organizationId: string, id: string): Promise<RunbookRow> {
  const [row] = await db
    .select()
    .from(runbook)
    .where(and(eq(runbook.organizationId, organizationId), eq(runbook.id, id)));
  if (!row) throw new NotFoundError(`Runbook ${id}`);
  return row;
}

/** The id of the owner team named by slug or id; undefined and null pass through (not sent, cleared). */
export async function resolveOwnerTeamId(db: Queryable, organizationId: string, slugOrId: string | null | undefined): Promise<string | null | undefined> {
  if (slugOrId === undefined || slugOrId === null) return slugOrId;
  const [row] = await db
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.organizationId, organizationId), or(eq(team.slug, slugOrId), eq(team.id, slugOrId))));
  if (!row) throw new ValidationError(`Unknown team ${slugOrId}`, [{ field: "ownerTeam", message: "is not a team of this organisation" }]);
  return row.id;
}

/** Exponential backoff: 1, 2, 4 … minutes, at most a day; GitHub's reset time when later. */
export function nextAttemptAfterFailure(failures: number, now: Date, retryAfter: Date | null): Date {
  const backoff = new Date(now.getTime() + Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, failures - 1)));
  return retryAfter && retryAfter > backoff ? retryAfter : backoff;
}

/** The alert a `<component>/<AlertName>.md` file answers: its file name. */
export function alertNameFromPath(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.md$/i, "");
}
