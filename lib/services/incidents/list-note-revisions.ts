import { and, asc, eq } from "drizzle-orm";
import { timelineEvent, timelineEventRevision } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { findIncident } from "./find-incident";
import type { NoteRevisionView } from "./views";

/** Earlier versions of a note, oldest first. */
export async function listNoteRevisions(ctx: ServiceContext, idOrRef: string, eventId: string): Promise<NoteRevisionView[]> {
  requirePermission(ctx, "incident:read");
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const [event] = await ctx.db
    .select({ id: timelineEvent.id })
    .from(timelineEvent)
    .where(and(eq(timelineEvent.id, eventId), eq(timelineEvent.incidentId, owner.id)));
  if (!event) throw new NotFoundError(`Timeline event ${eventId}`);
  const rows = await ctx.db
    .select()
    .from(timelineEventRevision)
    .where(eq(timelineEventRevision.eventId, eventId))
    .orderBy(asc(timelineEventRevision.version));
  return rows.map((r) => ({
    version: r.version,
    body: r.body,
    authoredAt: r.authoredAt.toISOString(),
    replacedAt: r.replacedAt.toISOString(),
    replacedBy: r.replacedBy,
  }));
}
